import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { tenantIdSchema } from '../incidents/alert';
import { loadConfig } from '../config/load-config';
import { addReferenceListEntries } from '../detection/reference-lists';
import { readReferenceListCsv } from '../detection/reference-list-file';
import { openStore } from '../store/open-store';

/**
 * `breachline lists load FILE --tenant T`: the reference lists detection
 * rules look values up in (terminated and suspended accounts, VIP and
 * employee charts, each chart's care team), loaded from the platform's HR
 * and chart-flag exports. All rows or none; a row already loaded is skipped.
 */

function tenantId(text: string): string {
  const parsed = tenantIdSchema.safeParse(text);
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]?.message ?? 'is not a tenant id');
  return parsed.data;
}

async function loadLists(file: string, options: { tenant: string }): Promise<void> {
  const { tenant } = options;
  const entries = readReferenceListCsv(await readFile(file, 'utf8'), tenant, file);
  const db = await openStore(loadConfig());
  try {
    const added = await db.transaction((tx) => addReferenceListEntries(tx, entries));
    const lists = new Set(entries.map((entry) => entry.listName)).size;
    console.log(
      `${added} entries added to ${lists} list(s) of tenant ${tenant}; ${entries.length - added} already there`,
    );
  } finally {
    await db.close();
  }
}

export function listsCommand(): Command {
  const lists = new Command('lists').description('Reference lists that detection rules look values up in');
  lists
    .command('load <file>')
    .description('Add the entries of a CSV file (list,value,effective_from,effective_until,note) to a tenant')
    .requiredOption('--tenant <tenantId>', 'the tenant the lists belong to', tenantId)
    .action(loadLists);

  return lists;
}
