import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAFT_BANNER } from '../../src/drafts/draft-marking';
import { runCli } from '../support/cli';
import { narrative, organisation, texasFacts } from './notice-scenario';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function inputs(org: unknown = organisation) {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-drafts-cli-'));
  made.push(dir);
  const file = (name: string, value: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(value));
    return join(dir, name);
  };

  return {
    dir,
    facts: file('facts.json', texasFacts),
    org: file('org.json', org),
    narrative: file('narrative.json', narrative),
  };
}

async function run(args: string[]) {
  const cli = runCli(args, {});

  return { code: await cli.exit(), output: cli.output() };
}

describe('breachline drafts', () => {
  it('writes the Texas AG letter and media notice to --out and prints what it wrote', async () => {
    const given = inputs();
    const out = join(given.dir, 'out');

    const result = await run(['drafts', given.facts, '--org', given.org, '--narrative', given.narrative, '--out', out]);

    expect(result.code).toBe(0);
    expect(result.output).toContain(`Wrote 2 draft(s) to ${out}, for legal to approve; nothing was sent:`);
    expect(result.output).toMatch(/media-notice-US-TX\.txt\s+HIPAA\/media\/US-TX/);
    expect(result.output).toContain('HIPAA/hhs: the HHS report needs the OCR form profile (--profile)');
    expect(readdirSync(out).sort()).toEqual(['media-notice-US-TX.txt', 'state-letter-US-TX-attorney-general.txt']);
    const letter = readFileSync(join(out, 'state-letter-US-TX-attorney-general.txt'), 'utf8');
    expect(letter.startsWith(`${DRAFT_BANNER}\n`)).toBe(true);
  });

  it('exits 2 naming the bad field of an organisation file, without its value', async () => {
    const given = inputs({ ...organisation, website: 'not a web address' });

    const result = await run(['drafts', given.facts, '--org', given.org, '--out', join(given.dir, 'out')]);

    expect(result.code).toBe(2);
    expect(result.output).toContain('invalid organisation file:\n  website: ');
    expect(result.output).not.toContain('not a web address');
  });
});
