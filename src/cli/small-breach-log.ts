import { type Command, InvalidArgumentError } from 'commander';
import { listSmallBreaches } from '../annual-log/small-breach-log';
import { loadConfig } from '../config/load-config';
import { openStore } from '../store/open-store';

/**
 * `breachline hhs log [--year Y] [--tenant T]`: the year's breaches of fewer
 * than 500 individuals, which go to HHS within 60 days after the year ends.
 */

function parseYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2009 || year > 9999)
    throw new InvalidArgumentError('must be a year, 2009 or later');
  return year;
}

async function printLog(flags: { year?: number; tenant?: string; json?: boolean }): Promise<void> {
  const year = flags.year ?? new Date().getUTCFullYear() - 1;
  const db = await openStore(loadConfig());
  try {
    const entries = await listSmallBreaches(db, year, flags.tenant);
    if (flags.json) {
      console.log(JSON.stringify({ year, entries }, null, 2));
      return;
    }
    const due = entries[0]?.dueDate ?? 'day 60 after the year ends';
    console.log(`${entries.length} breaches under 500 discovered in ${year}; due to HHS by ${due}`);
    for (const entry of entries) {
      console.log(
        `  ${entry.tenantId}  ${entry.incidentId}  ${entry.individuals} individuals  discovered ${entry.discoveredAt}`,
      );
    }
  } finally {
    await db.close();
  }
}

export function registerSmallBreachLog(hhs: Command): void {
  hhs
    .command('log')
    .description('The annual log of breaches under 500 individuals, to submit to HHS after the year ends')
    .option('--year <year>', 'the calendar year of discovery (default: last year)', parseYear)
    .option('--tenant <tenantId>', 'one tenant only')
    .option('--json', 'print JSON')
    .action(printLog);
}
