import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybookFile, parsePlaybook, PlaybookError } from '../../src/containment/load-playbook';
import { planContainment } from '../../src/containment/playbook';

function playbookError(text: string): PlaybookError {
  try {
    parsePlaybook(text, 'test.yaml');
  } catch (error) {
    if (error instanceof PlaybookError) return error;
    throw error;
  }
  throw new Error('expected parsePlaybook to throw a PlaybookError');
}

describe('the shipped playbook', () => {
  const playbook = loadPlaybookFile();

  it('loads, and every rule id it names starts with prm-', () => {
    expect(Object.keys(playbook.rules).length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(playbook.rules).every((ruleId) => ruleId.startsWith('prm-'))).toBe(true);
  });

  it('suspends a terminated account and ends its sessions without waiting for approval', () => {
    expect(playbook.rules['prm-inactive-account-access']).toEqual([
      { kind: 'suspend-user', mode: 'automatic' },
      { kind: 'revoke-sessions', mode: 'automatic' },
    ]);
  });

  it('takes no action on break-glass access', () => {
    expect(playbook.rules['prm-break-glass-access']).toEqual([]);
  });
});

describe('planContainment', () => {
  const playbook = parsePlaybook(
    `rules:\n  prm-export-spike:\n    - { kind: disable-api-key, mode: automatic }\n    - { kind: suspend-user, mode: approval }\n    - { kind: block-ip, mode: approval }\n`,
    'inline',
  );

  it('aims each action at the matching part of the alert subject', () => {
    const plan = planContainment(playbook, 'prm-export-spike', {
      userId: 'u-204',
      ipAddress: '203.0.113.9',
      apiKeyId: 'key-77',
    });

    expect(plan.actions).toEqual([
      { kind: 'disable-api-key', mode: 'automatic', target: { type: 'api-key', id: 'key-77' } },
      { kind: 'suspend-user', mode: 'approval', target: { type: 'user', id: 'u-204' } },
      { kind: 'block-ip', mode: 'approval', target: { type: 'ip-address', id: '203.0.113.9' } },
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('skips, with a reason, an action whose target the alert does not name', () => {
    const plan = planContainment(playbook, 'prm-export-spike', { userId: 'u-204' });

    expect(plan.actions.map((action) => action.kind)).toEqual(['suspend-user']);
    expect(plan.skipped).toEqual([
      { kind: 'disable-api-key', mode: 'automatic', reason: 'the alert names no api-key to act on' },
      { kind: 'block-ip', mode: 'approval', reason: 'the alert names no ip-address to act on' },
    ]);
  });

  it('plans nothing for a rule the playbook does not name', () => {
    expect(planContainment(playbook, 'prm-unknown', { userId: 'u-204' })).toEqual({
      ruleId: 'prm-unknown',
      actions: [],
      skipped: [],
    });
  });
});

describe('playbook errors', () => {
  it('names every bad entry by rule and position', () => {
    const error = playbookError(
      [
        'rules:',
        '  prm-a:',
        '    - { kind: delete-user, mode: automatic }',
        '    - { kind: block-ip, mode: sometimes }',
        '  prm-b:',
        '    - { kind: block-ip, mode: automatic, after: 5m }',
      ].join('\n'),
    );

    expect(error.problems).toEqual([
      expect.stringMatching(/^rules\.prm-a\.0\.kind: /),
      expect.stringMatching(/^rules\.prm-a\.1\.mode: /),
      'rules.prm-b.0: unknown setting(s): after',
    ]);
    expect(error.message).toContain('test.yaml');
  });

  it('refuses a kind listed twice for one rule', () => {
    const error = playbookError(
      'rules:\n  prm-a:\n    - { kind: block-ip, mode: automatic }\n    - { kind: block-ip, mode: approval }\n',
    );

    expect(error.problems).toEqual(['rules.prm-a.1.kind: "block-ip" is already listed for this rule']);
  });

  it('refuses a rule id that is not a slug, and a file without rules', () => {
    expect(playbookError('rules:\n  Not A Rule: []\n').problems).toEqual([
      expect.stringMatching(/^rules\.Not A Rule: must be a rule id/),
    ]);
    expect(playbookError('colour: blue\n').problems).toEqual(
      expect.arrayContaining(['rules: Invalid input: expected record, received undefined']),
    );
  });

  it('reports YAML it cannot parse, with where it failed', () => {
    expect(playbookError('rules:\n  prm-a: [\n').problems[0]).toMatch(/^not valid YAML: .*line/);
  });

  it('reports a file that cannot be read', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'breachline-playbook-')), 'missing.yaml');

    expect(() => loadPlaybookFile(missing)).toThrow(
      /missing\.yaml is not usable:\n {2}- cannot read the file \(ENOENT\)/,
    );
  });

  it('loads a playbook from a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'breachline-playbook-')), 'playbook.yaml');
    writeFileSync(file, 'rules:\n  prm-a:\n    - kind: revoke-sessions\n      mode: automatic\n');

    expect(loadPlaybookFile(file).rules['prm-a']).toEqual([{ kind: 'revoke-sessions', mode: 'automatic' }]);
  });
});
