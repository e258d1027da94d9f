import { UnreadableRecord } from './unreadable-record';

/** A line's record; a line that is not JSON becomes an UnreadableRecord, reported with the rest. */
export function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return new UnreadableRecord('is not valid JSON');
  }
}

/** The records of whole NDJSON lines; blank lines are not records. */
export function parseLines(lines: readonly string[]): unknown[] {
  const records: unknown[] = [];
  for (const line of lines) if (line.trim() !== '') records.push(parseLine(line));
  return records;
}
