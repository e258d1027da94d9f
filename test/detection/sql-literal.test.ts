import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../src/audit/event';
import { ingest } from '../../src/audit/ingest';
import { addReferenceListEntries, evaluateRules } from '../../src/detection';
import { storeBackends, type TestStore } from '../support/stores';
import { alertedGroups, detectionRule, eventAt, problems, rules } from './rule-harness';

/**
 * Rule values written to break out of SQL quoting, or to turn into LIKE
 * wildcards, must match only an event whose field holds that very text.
 * Every event has its own user, so the users alerted on are exactly the
 * events that matched; each hostile value sits beside decoys that a
 * concatenated or unescaped value would also match (or that would make
 * the statement fail). A break-out would show as extra users, an error,
 * or events gone from the store.
 */

const QUOTE_BREAK = "x' OR '1'='1";
const STATEMENT_BREAK = "'); DELETE FROM audit_events; --";

const fixture: Record<string, Partial<AuditEventInput>> = {
  quote: { user_agent: QUOTE_BREAK, details: { screen: QUOTE_BREAK } },
  just_x: { user_agent: 'x', details: { screen: 'x' } },
  statement: { user_agent: STATEMENT_BREAK },
  percent: { user_agent: '100% sure' },
  underscore: { user_agent: 'snake_case' },
  not_underscore: { user_agent: 'snakeXcase' },
  backslash: { user_agent: String.raw`C:\Users\Public` },
  no_backslash: { user_agent: 'C:UsersPublic' },
  trailing_backslash: { user_agent: 'ends with \\' },
  dollar: { user_agent: '$1 $$ $tag$' },
  double_quote: { user_agent: 'say "hi"' },
  plain: { user_agent: 'PRM-Web/5.2' },
};

const labels = Object.keys(fixture);

function fixtureEvents(): AuditEventInput[] {
  return labels.map((label, index) =>
    eventAt(index, index * 10, { user_id: `u-${label}`, details: { screen: 'chart-summary' }, ...fixture[label] }),
  );
}

/** A YAML single-quoted scalar: only the quote itself is doubled, backslashes stay as written. */
const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** [what it shows, detection body, expected users]. */
const literalCases: [string, string, string[]][] = [
  [
    'a value that closes the quote and adds OR matches only the event holding that text',
    `  selection:\n    user_agent: ${quoted(QUOTE_BREAK)}`,
    ['u-quote'],
  ],
  [
    'a value that ends the statement and adds a DELETE matches only the event holding that text',
    `  selection:\n    user_agent: ${quoted(STATEMENT_BREAK)}`,
    ['u-statement'],
  ],
  ['contains with a quote in it', `  selection:\n    user_agent|contains: ${quoted("' OR '")}`, ['u-quote']],
  ['a quote-breaking value on a details key', `  selection:\n    screen: ${quoted(QUOTE_BREAK)}`, ['u-quote']],
  ['% in contains is a percent sign, not a wildcard', `  selection:\n    user_agent|contains: '%'`, ['u-percent']],
  ['% alone is a value no event holds', `  selection:\n    user_agent: '%'`, []],
  [
    '_ in contains is an underscore, not any one character',
    `  selection:\n    user_agent|contains: 'e_c'`,
    ['u-underscore'],
  ],
  ['_ in endswith is an underscore', `  selection:\n    user_agent|endswith: '_case'`, ['u-underscore']],
  [
    'a backslash in startswith is a backslash, not an escape of the next letter',
    `  selection:\n    user_agent|startswith: 'C:\\Users'`,
    ['u-backslash'],
  ],
  [
    'a backslash at the end of endswith is a backslash, and the pattern stays well-formed',
    `  selection:\n    user_agent|endswith: 'with \\'`,
    ['u-trailing_backslash'],
  ],
  [
    'an escaped backslash is one backslash and the star after it a wildcard',
    `  selection:\n    user_agent: 'C:\\\\*Public'`,
    ['u-backslash'],
  ],
  ['dollar signs and dollar quotes are plain text', `  selection:\n    user_agent: '$1 $$ $tag$'`, ['u-dollar']],
  ['double quotes are plain text', `  selection:\n    user_agent|contains: '"hi"'`, ['u-double_quote']],
  [
    'a regular expression with quotes in it is matched as a regular expression, not as SQL',
    `  selection:\n    user_agent|re: ${quoted(`^${QUOTE_BREAK}$`)}`,
    ['u-quote'],
  ],
  [
    'reference-list values are matched literally, their quotes, % and _ included',
    `  selection:\n    user_agent|contains|expand: '%vip_patients%'`,
    ['u-percent', 'u-quote', 'u-underscore'],
  ],
];

describe.each(storeBackends())('rule values that look like SQL on $name', (backend) => {
  let store: TestStore;
  const stored = async (): Promise<number> => {
    const { rows } = await store.db.query<{ count: string | number }>('SELECT count(*) AS count FROM audit_events');
    return Number(rows[0]?.count);
  };

  beforeAll(async () => {
    store = await backend.open();
    await ingest(store.db, fixtureEvents());
    // The list holds hostile text too: a `%` alone would match every value if it reached LIKE unescaped.
    await addReferenceListEntries(
      store.db,
      ['%', "' OR '", 'e_c'].map((value) => ({ tenantId: 'st-elsewhere', listName: 'vip_patients', value })),
    );
  });

  afterAll(async () => {
    await store.dispose();
  });

  it('holds every fixture value as written, so each case below tests the rule and not the ingest', async () => {
    const { rows } = await store.db.query<{ user_agent: string }>('SELECT user_agent FROM audit_events ORDER BY seq');

    expect(rows.map((row) => row.user_agent)).toEqual(labels.map((label) => fixture[label]?.user_agent));
  });

  it.each(literalCases)('%s', async (_name, body, expected) => {
    const matches = await evaluateRules(store.db, rules(detectionRule(body)));

    expect(alertedGroups(matches)).toEqual([...expected].sort());
    expect(await stored()).toBe(labels.length);
  });

  it('raises the alert of a rule whose title and id are written to break out of quoting, with both as written', async () => {
    const text = detectionRule(
      `  selection:\n    user_agent: 'x'`,
      'selection',
      quoted(`q'; DROP TABLE audit_events; --`),
    );
    const hostile = text.replace('title: Test rule', `title: ${quoted(STATEMENT_BREAK)}`);

    const matches = await evaluateRules(store.db, rules(hostile));

    expect(matches.map((match) => [match.ruleId, match.ruleTitle, match.group.user_id])).toEqual([
      ["q'; DROP TABLE audit_events; --", STATEMENT_BREAK, 'u-just_x'],
    ]);
    expect(await stored()).toBe(labels.length);
  });

  it('reads a tenant id written to break out of quoting as a tenant that does not exist', async () => {
    const loaded = rules(detectionRule(`  selection:\n    action: read`));

    const matches = await evaluateRules(store.db, loaded, { tenantId: "st-elsewhere' OR '1'='1" });

    expect(matches).toEqual([]);
    expect(await evaluateRules(store.db, loaded, { tenantId: 'st-elsewhere' })).toHaveLength(labels.length);
  });
});

describe('rule text that cannot become a value', () => {
  it('refuses a cidr value with a quote in it when the rule is read', () => {
    const text = detectionRule(`  selection:\n    ip_address|cidr: ${quoted("10.0.0.0/8' OR '1'='1")}`);

    expect(problems(text)).toEqual([expect.stringContaining('is not a CIDR range')]);
  });

  it('refuses a field name written as SQL, since only mapped fields reach the statement', () => {
    const text = detectionRule(`  selection:\n    "user_agent) OR (1=1": x`);

    expect(problems(text)).toEqual([expect.stringContaining('is not in the field mapping')]);
  });

  it('refuses a group-by field written as SQL', () => {
    const text =
      `${detectionRule(`  selection:\n    action: read`, 'selection', 'base')}name: base\n---\n` +
      `title: Hostile group\nid: hostile-group\ncorrelation:\n  type: event_count\n  rules: [base]\n` +
      `  group-by: ['user_id) OR (1=1']\n  timespan: 1h\n  condition:\n    gte: 1\n`;

    expect(problems(text)).toEqual([expect.stringContaining('is not in the field mapping')]);
  });
});
