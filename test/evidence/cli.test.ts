import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { flipOneByte, tamperedCopy } from './tamper';

const INCIDENT = 'incident-st-elsewhere-5f0c2a';

describe('breachline evidence', () => {
  it('adds a file, exports a bundle that verifies, and fails an altered copy naming the artifact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachline-evidence-cli-'));
    // An empty DATABASE_URL counts as unset: these runs use PGlite in the data folder, even in CI.
    const env = { BREACHLINE_MODE: 'development', BREACHLINE_DATA_DIR: dir, DATABASE_URL: '' };
    const run = async (...args: string[]) => {
      const cli = runCli(args, env);
      return { code: await cli.exit(), output: cli.output() };
    };
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'the responder saw the suspect log in from an unknown address\n');
    const bundle = join(dir, 'bundle.tar.gz');

    const added = await run('evidence', 'add', INCIDENT, notes, '--as', 'dr-rivera', '--media-type', 'text/plain');
    expect(added.code).toBe(0);
    const artifactId = /Stored artifact ([0-9a-f-]{36})/.exec(added.output)?.[1];
    expect(artifactId).toBeDefined();

    const exported = await run('evidence', 'export', INCIDENT, '--out', bundle, '--as', 'counsel-1');
    expect(exported.code).toBe(0);
    expect(exported.output).toMatch(/1 artifact\(s\), \d+ bytes, 2 custody entries/);

    const verified = await run('evidence', 'verify', bundle);
    expect(verified.code).toBe(0);
    expect(verified.output).toContain(`ok, incident ${INCIDENT}, 1 artifact(s), 2 custody entries`);

    const altered = join(dir, 'altered.tar.gz');
    await tamperedCopy(bundle, altered, flipOneByte(`artifacts/${artifactId ?? ''}-notes.txt`));
    const failed = await run('evidence', 'verify', altered);
    expect(failed.code).toBe(1);
    expect(failed.output).toContain(`artifact ${artifactId ?? ''} (artifacts/${artifactId ?? ''}-notes.txt): altered`);

    const unreadable = await run('evidence', 'verify', notes);
    expect(unreadable.code).toBe(2);
    expect(unreadable.output).toMatch(/cannot read evidence bundle .*notes\.txt: not a gzipped tar archive/);
    expect(unreadable.output).not.toMatch(/\n\s+at /);

    const badName = await run('evidence', 'export', 'bad id!', '--out', bundle, '--as', 'counsel-1');
    expect(badName.code).toBe(2);
    expect(badName.output).toContain('incidentId: must be 1 to 200 letters');
  });
});
