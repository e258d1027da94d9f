import { createReadStream } from 'node:fs';
import { access, constants, open, readFile } from 'node:fs/promises';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { mapFhirAuditEvents } from './fhir-mapping';
import { BatchRejectedError } from './ingest';
import { parseLine, parseLines } from './ndjson-lines';

/**
 * Reads an audit file as a stream of records for `ingest`:
 *
 *   platform, JSON array   streamed element by element, never held whole
 *   platform, NDJSON       one event per line; a line that is not JSON becomes
 *                          an UnreadableRecord, reported with the rest
 *   fhir                   an AuditEvent, a Bundle, an array of them, or NDJSON
 *                          of them; mapped to the platform shape. FHIR files are
 *                          read whole: they come as exports of modest size.
 *
 * Without a format, a file whose first value is a FHIR resource is FHIR.
 */

/** Thrown when a file cannot be read as asked (missing, unreadable, FHIR without a tenant): nothing was stored. */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

export const InputFormat = { platform: 'platform', fhir: 'fhir' } as const;
export type InputFormat = (typeof InputFormat)[keyof typeof InputFormat];

/** The first few kilobytes, enough to tell a JSON array from NDJSON and FHIR from the platform's shape. */
async function fileHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').trimStart();
  } finally {
    await handle.close();
  }
}

const CHUNK = 1_000;

async function* jsonArray(path: string): AsyncGenerator<unknown[]> {
  const elements = createReadStream(path).pipe(streamArray.withParserAsStream());
  const chunk: unknown[] = [];
  for await (const element of elements as AsyncIterable<{ value: unknown }>) {
    chunk.push(element.value);
    if (chunk.length === CHUNK) yield chunk.splice(0);
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Splits each read block into lines itself: readline's per-line events cost
 * more than parsing the JSON. The unfinished last line of a block is joined
 * to the first line of the next, not to the whole block, which would copy
 * every block once more.
 */
async function* ndjson(path: string): AsyncGenerator<unknown[]> {
  let rest = '';
  for await (const block of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (block as string).split('\n');
    lines[0] = rest + (lines[0] ?? '');
    rest = lines.pop() ?? '';
    const chunk = parseLines(lines);
    if (chunk.length > 0) yield chunk;
  }
  if (rest.trim() !== '') yield [parseLine(rest)];
}

async function parseWhole(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown);
  }
}

async function* fhirRecords(path: string, tenantId: string | undefined): AsyncGenerator<unknown[]> {
  if (!tenantId) throw new InputFileError('FHIR AuditEvents carry no tenant: give one with --tenant');
  const { events, problems } = mapFhirAuditEvents(await parseWhole(path), { tenantId });
  if (problems.length > 0) throw new BatchRejectedError(problems, problems.length, events.length + problems.length);
  yield events;
}

/**
 * An AuditEvent or Bundle near the start, alone, in an array or as NDJSON,
 * makes the file FHIR. Platform events carry no `resourceType`; `--format`
 * settles any doubt.
 */
function looksLikeFhir(head: string): boolean {
  return /^[[{]/.test(head) && /"resourceType"\s*:\s*"(AuditEvent|Bundle)"/.test(head);
}

/** How a file's records are laid out: FHIR resources, or platform events as a JSON array or NDJSON. */
export const FileLayout = { fhir: 'fhir', array: 'array', ndjson: 'ndjson' } as const;
export type FileLayout = (typeof FileLayout)[keyof typeof FileLayout];

export async function fileLayout(path: string, format: InputFormat | undefined): Promise<FileLayout> {
  await access(path, constants.R_OK).catch(() => {
    throw new InputFileError(`Cannot read ${path}`);
  });
  const head = await fileHead(path);
  if ((format ?? (looksLikeFhir(head) ? InputFormat.fhir : InputFormat.platform)) === InputFormat.fhir) {
    return FileLayout.fhir;
  }
  return head.startsWith('[') ? FileLayout.array : FileLayout.ndjson;
}

/** The file's records, in chunks of about a thousand, for ingestStream. */
export async function readRecords(
  path: string,
  options: { format?: InputFormat; tenantId?: string } = {},
): Promise<AsyncIterable<unknown[]>> {
  const layout = await fileLayout(path, options.format);
  if (layout === FileLayout.fhir) return fhirRecords(path, options.tenantId);

  return layout === FileLayout.array ? jsonArray(path) : ndjson(path);
}
