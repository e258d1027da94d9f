import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { GenerateOptionsInput } from './options';
import { planTraffic, trafficByDay, type TrafficPlan } from './traffic';

/**
 * Streams the traffic as NDJSON, one event per line, and writes the labels
 * beside it. Lines are gathered into chunks of about 256 KiB, because a
 * write call per event costs more than making the event; a chunk that the
 * stream cannot take yet is not made until it can (the pipeline pulls), so
 * memory stays at about a day of events however slow the disk or pipe is.
 */

const CHUNK_CHARS = 256 * 1024;

export interface WriteSettings {
  /** Where the labels go; by default `<out>.labels.json`, and nowhere when writing to stdout. */
  labelsPath?: string;
  /** Called after each simulated day with the days done, the days in all, and events written so far. */
  onProgress?: (daysDone: number, days: number, events: number) => void;
}

export interface TrafficCounts {
  events: number;
  /** Injected events per scenario, by scenario name. */
  scenarios: Record<string, number>;
  outPath: string;
  labelsPath: string | null;
}

/** NDJSON in chunks of about CHUNK_CHARS, reporting each finished day; `counter.events` keeps the total. */
function* ndjsonChunks(plan: TrafficPlan, counter: { events: number }, settings: WriteSettings): Generator<string> {
  let chunk = '';
  let daysDone = 0;
  for (const day of trafficByDay(plan)) {
    for (const event of day) {
      chunk += `${JSON.stringify(event)}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    counter.events += day.length;
    settings.onProgress?.(++daysDone, plan.options.days, counter.events);
  }
  if (chunk.length > 0) yield chunk;
}

export async function writeTraffic(
  input: GenerateOptionsInput,
  outPath: string,
  settings: WriteSettings = {},
): Promise<TrafficCounts> {
  const plan = planTraffic(input);
  const counter = { events: 0 };
  const source = Readable.from(ndjsonChunks(plan, counter, settings), { objectMode: false });
  // `-` is stdout, which is flushed but left open for whoever writes to it next.
  const toStdout = outPath === '-';
  await pipeline(source, toStdout ? process.stdout : createWriteStream(outPath), { end: !toStdout });

  const labelsPath = settings.labelsPath ?? (toStdout ? null : `${outPath}.labels.json`);
  const labels = { ...plan.labels, event_count: counter.events };
  if (labelsPath) await writeFile(labelsPath, `${JSON.stringify(labels, null, 2)}\n`);
  const scenarios = Object.fromEntries(plan.labels.scenarios.map((label) => [label.scenario, label.event_ids.length]));

  return { events: counter.events, scenarios, outPath, labelsPath };
}
