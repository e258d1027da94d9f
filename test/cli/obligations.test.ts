import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { texasFacts } from '../support/breach-facts';
import { runCli } from '../support/cli';

/** 600 Texans' names and medical data, discovered 1 December 2026 at 10:00 in Chicago. */
function factsFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'breachline-facts-')), 'facts.json');
  writeFileSync(file, JSON.stringify(texasFacts('2026-12-01T10:00:00-06:00', 600)));
  return file;
}

const env = { BREACHLINE_MODE: 'development' };

describe('breachline obligations', () => {
  it('prints every notice owed with its due date, and with --as-of the days left and what is overdue', async () => {
    const cli = runCli(['obligations', factsFile(), '--as-of', '2027-01-05T12:00:00Z'], env);

    expect(await cli.exit()).toBe(0);
    const lines = cli.output().split('\n');
    expect(lines.find((line) => line.includes('HIPAA/individuals'))).toMatch(/^2027-01-30\s+25 d\s/);
    expect(lines.find((line) => line.includes('HIPAA/media/US-TX'))).toMatch(/^2027-01-30\s/);
    expect(lines.find((line) => line.includes('US-TX/attorney-general'))).toMatch(/^2026-12-31\s+OVERDUE 5 d\s/);
    expect(cli.output()).toContain('5 obligations as of 2027-01-05T12:00:00Z; 1 overdue.');
  });

  it('prints JSON for machines, each obligation with its citation, reasons and the instant it falls due', async () => {
    const cli = runCli(['obligations', factsFile(), '--json'], env);

    expect(await cli.exit()).toBe(0);
    const parsed = JSON.parse(cli.output()) as {
      obligations: { id: string; citation: string; dueAt: string; reasons: string[] }[];
    };
    const individuals = parsed.obligations.find((entry) => entry.id === 'HIPAA/individuals');
    expect(individuals?.citation).toBe('45 CFR 164.404');
    expect(individuals?.dueAt).toBe('2027-01-31T05:59:59.999Z');
    expect(individuals?.reasons.length).toBeGreaterThan(0);
  });

  it('names every bad fact and exits with status 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'breachline-facts-')), 'facts.json');
    writeFileSync(file, JSON.stringify({ ...texasFacts('2026-12-01T10:00:00'), timeZone: 'Mars/Olympus' }));

    const cli = runCli(['obligations', file], env);

    expect(await cli.exit()).toBe(2);
    expect(cli.output()).toContain('discoveredAt');
    expect(cli.output()).toContain('timeZone');
  });
});
