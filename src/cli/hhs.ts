import { Command } from 'commander';
import { importBreachFile } from '../hhs/import-breach-file';
import { type ImportSummary, summariseImport } from '../hhs/import-summary';
import { HhsFileError } from '../hhs/read-breach-file';
import { type Progress, progress } from './progress';
import { registerSmallBreachLog } from './small-breach-log';

/**
 * `breachline hhs import FILE`: reads a CSV export of OCR's breach listing
 * and, for every row, derives incident facts, computes the obligations and
 * builds the HHS report draft, or says why the row was refused (its number,
 * line and field, never its contents). Prints the counts; `--json` prints
 * them for machines. Exit code 2 when the file cannot be read as a listing.
 */

interface ImportFlags {
  json?: boolean;
  encoding?: string;
}

function printSummary(summary: ImportSummary): void {
  const width = String(Math.max(summary.rowsRead, summary.obligations)).length;
  const count = (label: string, n: number) => console.log(`  ${label.padEnd(12)}${String(n).padStart(width)}`);

  console.log(`${summary.file} (${summary.encoding}: ${summary.encodingReason})`);
  count('rows read', summary.rowsRead);
  count('loaded', summary.loaded);
  count('refused', summary.refused);
  for (const { reason, rows } of summary.refusedByReason) console.log(`    ${String(rows).padStart(width)}  ${reason}`);
  count('obligations', summary.obligations);
  const recipients = Object.entries(summary.obligationsByRecipient).map(([recipient, n]) => `${recipient} ${n}`);
  if (recipients.length > 0) console.log(`    to ${recipients.join(', ')}`);
  if (summary.rowsWithoutObligations > 0) count('no notices', summary.rowsWithoutObligations);

  if (summary.refusedRows.length > 0) console.log('\nRefused rows:');
  for (const { row, line, reasons } of summary.refusedRows) {
    console.log(`  row ${row} (line ${line}): ${reasons.join('; ')}`);
  }
}

async function runImport(file: string, flags: ImportFlags): Promise<void> {
  let bar: Progress | undefined;
  try {
    const result = await importBreachFile(file, {
      ...(flags.encoding === undefined ? {} : { encoding: flags.encoding }),
      onRow: (done, rows) => {
        bar ??= progress('hhs import', rows);
        bar.update(done);
      },
    });
    bar?.stop();

    const summary = summariseImport(result);
    if (flags.json) console.log(JSON.stringify(summary, null, 2));
    else printSummary(summary);
  } catch (error) {
    bar?.stop();
    if (!(error instanceof HhsFileError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}

export function hhsCommand(): Command {
  const command = new Command('hhs').description("Work with OCR's public HHS breach listing");
  command
    .command('import')
    .description(
      'Derive facts and obligations for every row of an OCR breach CSV and check an HHS report draft builds; print counts and each refusal',
    )
    .argument('<file>', "a CSV export of OCR's breach listing (Under Investigation or Archive)")
    .option('--json', 'print the summary as JSON for machines')
    .option('--encoding <name>', "the file's character encoding (default: detected)")
    .action(runImport);
  registerSmallBreachLog(command);

  return command;
}
