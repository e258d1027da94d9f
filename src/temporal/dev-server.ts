import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';

/** How long a cold dev server (creating its SQLite schema) may take to answer. */
const STARTUP_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 250;
const STOP_GRACE_MS = 10_000;
/** Lines of server output kept to explain a failed start. */
const OUTPUT_TAIL_LINES = 20;

export interface DevServerOptions {
  cliPath: string;
  /** The SQLite file lives here; created if missing. Absent means in-memory. */
  dataDir?: string;
  port: number;
  /** Web UI port; absent runs the server headless. */
  uiPort?: number;
  namespace: string;
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  dbFile?: string;
  stop(): Promise<void>;
}

/** Thrown when the dev server exits or stays silent during start-up; carries its last output lines. */
export class DevServerStartError extends Error {
  constructor(
    message: string,
    readonly outputTail: string,
  ) {
    super(outputTail ? `${message}\n${outputTail}` : message);
    this.name = 'DevServerStartError';
  }
}

function buildArguments(options: DevServerOptions, dbFile: string | undefined): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port)];
  args.push('--namespace', options.namespace, '--log-format', 'json', '--log-level', 'warn');
  if (dbFile) args.push('--db-filename', dbFile);
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  return args;
}

function keepTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  const collect = (chunk: Buffer): void => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - OUTPUT_TAIL_LINES));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return () => lines.join('\n');
}

async function waitUntilServing(address: string, child: ChildProcess, tail: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new DevServerStartError(`Temporal dev server exited with code ${child.exitCode} during start-up`, tail());
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.close();
      return;
    } catch {
      await new Promise((done) => setTimeout(done, POLL_INTERVAL_MS));
    }
  }
  child.kill('SIGKILL');
  throw new DevServerStartError(
    `Temporal dev server did not answer on ${address} within ${STARTUP_TIMEOUT_MS} ms`,
    tail(),
  );
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** Starts `temporal server start-dev` and resolves once it accepts connections. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  let dbFile: string | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    dbFile = resolve(join(options.dataDir, 'temporal.sqlite'));
  }

  // Its own process group keeps a terminal's Ctrl-C from killing the server
  // before the worker has drained; we stop it ourselves, and on exit at the latest.
  const child = spawn(options.cliPath, buildArguments(options, dbFile), {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const tail = keepTail(child);
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child, tail);

  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    dbFile,
    stop: () => stopChild(child),
  };
}
