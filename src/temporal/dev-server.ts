import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { incidentSearchAttributeKeys } from '../incidents/search-attributes';

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

/** The CLI's names for search attribute types (`--search-attribute Name=Type`). */
const cliTypeName: Readonly<Record<SearchAttributeType, string>> = {
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

const indexedValueType: Readonly<Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType>> = {
  [SearchAttributeType.TEXT]: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.INT]: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  [SearchAttributeType.DOUBLE]: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  [SearchAttributeType.BOOL]: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  [SearchAttributeType.DATETIME]: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  [SearchAttributeType.KEYWORD_LIST]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

function buildArguments(options: DevServerOptions, dbFile: string | undefined): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port)];
  args.push('--namespace', options.namespace, '--log-format', 'json', '--log-level', 'warn');
  if (dbFile) args.push('--db-filename', dbFile);
  for (const key of incidentSearchAttributeKeys)
    args.push('--search-attribute', `${key.name}=${cliTypeName[key.type]}`);
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
  if (dbFile) await registerMissingSearchAttributes(address, options.namespace);

  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    dbFile,
    stop: () => stopChild(child),
  };
}

/**
 * A dev server reusing its SQLite file ignores `--search-attribute` for a
 * namespace it created earlier, so attributes added since are registered
 * through the operator API.
 */
async function registerMissingSearchAttributes(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await registerIncidentSearchAttributes(connection, namespace);
  } finally {
    await connection.close();
  }
}

/** Registers the incident search attributes the namespace lacks; also for servers started without the flags. */
export async function registerIncidentSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = incidentSearchAttributeKeys.filter((key) => !(key.name in customAttributes));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: incidentSearchAttributeTypes(missing),
  });
}

/** The incident search attributes (or some of them) in the operator API's terms. */
export function incidentSearchAttributeTypes(
  keys: readonly (typeof incidentSearchAttributeKeys)[number][] = incidentSearchAttributeKeys,
): Record<string, temporal.api.enums.v1.IndexedValueType> {
  return Object.fromEntries(keys.map((key) => [key.name, indexedValueType[key.type]]));
}
