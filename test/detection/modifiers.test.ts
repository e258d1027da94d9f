import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../src/audit/event';
import { ingest } from '../../src/audit/ingest';
import { evaluateRules } from '../../src/detection';
import { storeBackends, type TestStore } from '../support/stores';
import { alertedGroups, at, detectionRule, eventAt, rules } from './rule-harness';

/**
 * Each field modifier and each condition form, compiled to SQL and run on
 * every backend against one set of events. Every event has its own user,
 * and a plain rule alerts once per user, so the users alerted on are
 * exactly the events that matched.
 */

const fixture: Record<string, Partial<AuditEventInput>> = {
  plain: { user_agent: 'PRM-Web/5.2', ip_address: '10.20.30.40' },
  upper: { user_agent: 'PRM-WEB/5.2 (Admin)', ip_address: '10.20.99.1', details: { screen: 'Chart-Summary' } },
  export: { action: 'export', resource_type: 'Claim', patient_id: null, details: { record_count: 250, format: 'csv' } },
  small_export: { action: 'export', resource_type: 'Claim', patient_id: null, details: { record_count: 20 } },
  text_count: { action: 'export', resource_type: 'Claim', patient_id: null, details: { record_count: 'many' } },
  ipv6: { ip_address: '2001:db8::1' },
  no_ip: { ip_address: null, user_agent: null },
  break_glass: { details: { screen: 'chart-summary', break_glass: true, reason: 'emergency' } },
  failed_login: {
    action: 'login',
    outcome: 'failure',
    phi_accessed: false,
    resource_type: 'Session',
    patient_id: null,
  },
  star: { user_agent: 'star*agent' },
  star_x: { user_agent: 'starXXagent' },
  null_reason: { details: { reason: null } },
  empty_screen: { details: { screen: '' } },
};

const labels = Object.keys(fixture);
const users = labels.map((label) => `u-${label}`);
const except = (...excluded: string[]): string[] => users.filter((user) => !excluded.includes(user)).sort();

function fixtureEvents(): AuditEventInput[] {
  return labels.map((label, index) =>
    eventAt(index, index * 10, {
      user_id: `u-${label}`,
      user_agent: 'Other/1.0',
      ip_address: '192.168.1.10',
      ...fixture[label],
    }),
  );
}

/** [what it shows, detection body, expected users]. */
const modifierCases: [string, string, string[]][] = [
  ['plain values compare case-insensitively and whole', `  selection:\n    user_agent: 'prm-web/5.2'`, ['u-plain']],
  ['cased compares case-sensitively', `  selection:\n    user_agent|cased: 'prm-web/5.2'`, []],
  [
    'a value in capitals matches a column stored in lower case',
    `  selection:\n    action: 'LOGIN'\n    outcome: 'Failure'`,
    ['u-failed_login'],
  ],
  ['cased matches the exact case', `  selection:\n    user_agent|cased: 'PRM-Web/5.2'`, ['u-plain']],
  ['contains', `  selection:\n    user_agent|contains: 'web/5'`, ['u-plain', 'u-upper']],
  ['startswith', `  selection:\n    user_agent|startswith: 'prm-web/5.2 ('`, ['u-upper']],
  ['endswith', `  selection:\n    user_agent|endswith: '(admin)'`, ['u-upper']],
  ['* and ? wildcards', `  selection:\n    user_agent: 'PRM-*/5.?'`, ['u-plain']],
  ['an unescaped * is a wildcard', `  selection:\n    user_agent: 'star*agent'`, ['u-star', 'u-star_x']],
  ['an escaped \\* is a star', `  selection:\n    user_agent: 'star\\*agent'`, ['u-star']],
  [
    'a list of values is an OR',
    `  selection:\n    action:\n      - export\n      - login`,
    ['u-export', 'u-failed_login', 'u-small_export', 'u-text_count'],
  ],
  [
    'all turns the list into an AND',
    `  selection:\n    user_agent|contains|all:\n      - prm\n      - admin`,
    ['u-upper'],
  ],
  ['re is case-sensitive', `  selection:\n    user_agent|re: '^PRM-Web/[0-9]+\\.[0-9]+$'`, ['u-plain']],
  ['re|i is case-insensitive', `  selection:\n    user_agent|re|i: '^prm-web/'`, ['u-plain', 'u-upper']],
  ['re anchors at the ends of the value', `  selection:\n    user_agent|re: 'agent$'`, ['u-star', 'u-star_x']],
  ['cidr over IPv4', `  selection:\n    ip_address|cidr: 10.20.0.0/16`, ['u-plain', 'u-upper']],
  ['cidr over IPv6', `  selection:\n    ip_address|cidr: '2001:db8::/32'`, ['u-ipv6']],
  ['an address compares as an address', `  selection:\n    ip_address: 10.20.30.40`, ['u-plain']],
  ['gt on a number details key', `  selection:\n    record_count|gt: 250`, []],
  ['gte', `  selection:\n    record_count|gte: 250`, ['u-export']],
  ['lt (a non-number value never matches)', `  selection:\n    record_count|lt: 250`, ['u-small_export']],
  ['lte', `  selection:\n    record_count|lte: 20`, ['u-small_export']],
  ['a number compares as a number', `  selection:\n    record_count: '20.0'`, ['u-small_export']],
  ['gte on an instant', `  selection:\n    occurred_at|gte: '${at(110)}'`, ['u-null_reason', 'u-empty_screen'].sort()],
  ['lt on an instant', `  selection:\n    occurred_at|lt: '${at(10)}'`, ['u-plain']],
  ['a boolean column', `  selection:\n    phi_accessed: false`, ['u-failed_login']],
  ['a boolean details key', `  selection:\n    break_glass: true`, ['u-break_glass']],
  ['exists false on a column', `  selection:\n    ip_address|exists: false`, ['u-no_ip']],
  [
    'exists true on a details key, even when it holds null',
    `  selection:\n    reason|exists: true`,
    ['u-break_glass', 'u-null_reason'],
  ],
  ['null matches a missing value', `  selection:\n    user_agent: null`, ['u-no_ip']],
  ["'' matches an empty string only", `  selection:\n    screen: ''`, ['u-empty_screen']],
];

/** [condition form, detection body, condition, expected users]. */
const conditionCases: [string, string, string, string[]][] = [
  ['a map is an AND', `  selection:\n    action: export\n    record_count|gte: 100`, 'selection', ['u-export']],
  [
    'a list of maps is an OR',
    `  selection:\n    - action: login\n    - user_agent|startswith: star`,
    'selection',
    ['u-failed_login', 'u-star', 'u-star_x'],
  ],
  [
    'and not',
    `  selection:\n    action: export\n  filter:\n    record_count|lt: 100`,
    'selection and not filter',
    ['u-export', 'u-text_count'],
  ],
  [
    'not alone, where a missing field counts as no match',
    `  selection:\n    user_agent|contains: web`,
    'not selection',
    except('u-plain', 'u-upper'),
  ],
  ['or', `  a:\n    action: login\n  b:\n    ip_address|cidr: '2001:db8::/32'`, 'a or b', ['u-failed_login', 'u-ipv6']],
  [
    'parentheses over or, and, not',
    `  a:\n    action: export\n  b:\n    action: login\n  c:\n    record_count|gte: 100`,
    '(a or b) and not c',
    ['u-failed_login', 'u-small_export', 'u-text_count'],
  ],
  [
    'and binds tighter than or',
    `  a:\n    action: login\n  b:\n    action: export\n  c:\n    record_count|gte: 100`,
    'a or b and c',
    ['u-export', 'u-failed_login'],
  ],
  [
    '1 of a pattern',
    `  selection_login:\n    action: login\n  selection_v6:\n    ip_address|cidr: '2001:db8::/32'\n  other:\n    action: export`,
    '1 of selection_*',
    ['u-failed_login', 'u-ipv6'],
  ],
  [
    'all of a pattern',
    `  selection_export:\n    action: export\n  selection_big:\n    record_count|gt: 100\n  other:\n    action: login`,
    'all of selection_*',
    ['u-export'],
  ],
  [
    '1 of them leaves out names starting with _',
    `  a:\n    action: login\n  _b:\n    action: export`,
    '1 of them',
    ['u-failed_login'],
  ],
  [
    'all of them',
    `  a:\n    action: export\n  b:\n    format: csv\n  _c:\n    action: login`,
    'all of them',
    ['u-export'],
  ],
  [
    'not 1 of a pattern',
    `  filter_a:\n    phi_accessed: true\n  filter_b:\n    action: export`,
    'not 1 of filter_*',
    ['u-failed_login'],
  ],
];

describe.each(storeBackends())('Sigma modifiers and conditions on $name', (backend) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await backend.open();
    await ingest(store.db, fixtureEvents());
  });

  afterAll(async () => {
    await store.dispose();
  });

  it.each(modifierCases)('%s', async (_name, body, expected) => {
    const matches = await evaluateRules(store.db, rules(detectionRule(body)));

    expect(alertedGroups(matches)).toEqual([...expected].sort());
  });

  it.each(conditionCases)('condition: %s', async (_name, body, condition, expected) => {
    const matches = await evaluateRules(store.db, rules(detectionRule(body, condition)));

    expect(alertedGroups(matches)).toEqual([...expected].sort());
  });
});
