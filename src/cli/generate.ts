import { Command, InvalidArgumentError } from 'commander';
import { allScenarios, MIN_PATIENTS, parseScenarioList } from '../generate/options';
import { writeTraffic, type TrafficCounts, type WriteSettings } from '../generate/writer';

/**
 * `breachline generate`: a synthetic, seeded PHI access audit log for
 * detection tests, the demo and ingest benchmarks. Same arguments, same
 * bytes. With `--out -` the events go to stdout and everything else to stderr.
 */

interface GenerateFlags {
  days: number;
  staff: number;
  patients: number;
  seed: string;
  scenarios?: string;
  start?: string;
  tenant?: string;
  timeZone?: string;
  out: string;
  labels?: string;
}

function wholeNumber(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw new InvalidArgumentError('Not a whole number.');

  return value;
}

/** A day counter on one rewritten stderr line, only for a person watching a terminal. */
function progressLine(): WriteSettings['onProgress'] {
  if (!process.stderr.isTTY) return undefined;

  return (daysDone, days, events) => {
    process.stderr.write(`\rgenerating: day ${daysDone}/${days}, ${events.toLocaleString('en-US')} events`);
    if (daysDone === days) process.stderr.write('\n');
  };
}

function summary(counts: TrafficCounts): string {
  const where = counts.outPath === '-' ? 'stdout' : counts.outPath;
  const labels = counts.labelsPath ? `, labels ${counts.labelsPath}` : '';
  const scenarios = Object.entries(counts.scenarios).map(([name, events]) => `${name} ${events}`);
  const injected = scenarios.length > 0 ? `; scenario events: ${scenarios.join(', ')}` : '';

  return `wrote ${counts.events.toLocaleString('en-US')} events to ${where}${labels}${injected}`;
}

async function runGenerate(flags: GenerateFlags): Promise<void> {
  const counts = await writeTraffic(
    {
      days: flags.days,
      staff: flags.staff,
      patients: flags.patients,
      seed: flags.seed,
      scenarios: flags.scenarios === undefined ? [] : parseScenarioList(flags.scenarios),
      ...(flags.start === undefined ? {} : { start: flags.start }),
      ...(flags.tenant === undefined ? {} : { tenantId: flags.tenant }),
      ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }),
    },
    flags.out,
    { ...(flags.labels === undefined ? {} : { labelsPath: flags.labels }), onProgress: progressLine() },
  );
  // Keep stdout pure NDJSON when the events are going there.
  if (flags.out === '-') console.error(summary(counts));
  else console.log(summary(counts));
}

export function generateCommand(): Command {
  return new Command('generate')
    .description('Write a synthetic PRM PHI access audit log (NDJSON) and its scenario labels')
    .requiredOption('--days <n>', 'days to simulate', wholeNumber)
    .requiredOption('--staff <n>', 'staff members', wholeNumber)
    .requiredOption('--patients <n>', `patients (at least ${MIN_PATIENTS})`, wholeNumber)
    .requiredOption('--seed <text>', 'seed; the same seed gives byte-identical output')
    .requiredOption('--out <file>', 'NDJSON output file, or - for stdout')
    .option('--scenarios <list>', `comma list or all: ${allScenarios.join(', ')}`)
    .option('--start <date>', 'first day, YYYY-MM-DD in the tenant zone (default 2026-11-02)')
    .option('--tenant <id>', 'tenant id (default st-elsewhere)')
    .option('--time-zone <zone>', 'IANA time zone of the practice (default America/Chicago)')
    .option('--labels <file>', 'label file (default <out>.labels.json; none when --out is -)')
    .action(runGenerate);
}
