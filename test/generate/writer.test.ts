import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEventSchema } from '../../src/audit/event';
import { writeTraffic, type GenerateOptionsInput, type TrafficLabels } from '../../src/generate';

const options = {
  days: 2,
  staff: 12,
  patients: 1500,
  seed: 'writer',
  scenarios: ['failed-login-burst', 'terminated-account'],
} satisfies GenerateOptionsInput;

describe('writeTraffic', () => {
  it('writes one event per line, the labels beside the file, and counts what it wrote', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'breachline-generate-')), 'audit.ndjson');
    const progress: number[] = [];
    const counts = await writeTraffic(options, out, { onProgress: (daysDone) => progress.push(daysDone) });
    const lines = readFileSync(out, 'utf8').split('\n');
    const labels = JSON.parse(readFileSync(`${out}.labels.json`, 'utf8')) as TrafficLabels & { event_count: number };

    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(counts.events);
    for (const line of lines) auditEventSchema.parse(JSON.parse(line));
    expect(progress).toEqual([1, 2]);
    expect(counts.labelsPath).toBe(`${out}.labels.json`);
    expect(labels.event_count).toBe(counts.events);
    expect(labels.scenarios.map((label) => label.scenario)).toEqual(options.scenarios);
    expect(counts.scenarios['failed-login-burst']).toBe(labels.scenarios[0]?.event_ids.length);
    expect(labels.terminated_users).toHaveLength(1);
    expect(labels.flagged_patients.length).toBeGreaterThanOrEqual(4);
  });

  it('writes the labels where it is told to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachline-generate-'));
    const labelsPath = join(dir, 'answers.json');
    const counts = await writeTraffic({ ...options, scenarios: [] }, join(dir, 'audit.ndjson'), { labelsPath });

    expect(counts.labelsPath).toBe(labelsPath);
    expect((JSON.parse(readFileSync(labelsPath, 'utf8')) as TrafficLabels).scenarios).toEqual([]);
  });
});
