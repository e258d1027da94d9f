import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateCommand } from '../../src/cli/generate';

const args = ['--days', '2', '--staff', '10', '--patients', '1200', '--seed', 'cli'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('breachline generate', () => {
  it('writes the log and its labels and prints a one-line summary', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'breachline-generate-')), 'audit.ndjson');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await generateCommand().parseAsync([...args, '--scenarios', 'all', '--out', out], { from: 'user' });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').length;

    expect(log).toHaveBeenCalledTimes(1);
    const summary = String(log.mock.calls[0]?.[0]);
    expect(summary).toContain(`wrote ${lines.toLocaleString('en-US')} events to ${out}, labels ${out}.labels.json`);
    expect(summary).toMatch(/scenario events: mass-record-access \d+, off-hours-access \d+/);
  });

  it('refuses a count that is not a whole number', async () => {
    const command = generateCommand()
      .exitOverride()
      .configureOutput({ writeErr: () => undefined });
    const run = command.parseAsync(['--days', 'three', ...args.slice(2), '--out', '/dev/null'], { from: 'user' });

    await expect(run).rejects.toThrow(/Not a whole number/);
  });

  it('refuses an unknown scenario name before writing anything', async () => {
    const run = generateCommand().parseAsync([...args, '--scenarios', 'ransomware', '--out', '/dev/null'], {
      from: 'user',
    });

    await expect(run).rejects.toThrow(/unknown ransomware/);
  });
});
