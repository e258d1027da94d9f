import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type Command, Option } from 'commander';
import { EvidenceRequestError } from '../evidence/errors';
import { ReportFormat } from '../reports/closure-report';
import { closureReportForIncident } from '../reports/closure-report-for-incident';
import { openStore } from '../store/open-store';
import { withClient } from './with-client';

/**
 * `breachline incidents report <incidentId> --out FILE`: the closure report,
 * from the incident's status and the evidence store, as Markdown or PDF.
 * Reading the evidence for it is recorded in the incident's custody log as
 * an export by `--as`. The obligations come from the incident's tracker,
 * when its breach facts were set; otherwise none are listed. Exit code 2 for
 * a bad request, message only.
 */

interface ReportFlags {
  out: string;
  as: string;
  format?: ReportFormat;
}

const formatOfExtension: Readonly<Record<string, ReportFormat>> = {
  '.md': ReportFormat.markdown,
  '.markdown': ReportFormat.markdown,
  '.pdf': ReportFormat.pdf,
};

async function writeReport(incidentId: string, flags: ReportFlags, format: ReportFormat): Promise<void> {
  await withClient(async (client, config) => {
    const db = await openStore(config);
    try {
      const request = { incidentId, actor: flags.as, format, file: basename(flags.out) };
      const { content, data } = await closureReportForIncident(client, db, request);
      await writeFile(flags.out, content);
      const { artifacts, custodyHead } = data.evidence;
      console.log(`Wrote ${flags.out}: ${artifacts.length} artifact(s), custody head ${custodyHead}`);
    } finally {
      await db.close();
    }
  });
}

export function registerIncidentReport(parent: Command): void {
  parent
    .command('report <incidentId>')
    .description('Write the closure report (timeline, actions, evidence hashes, assessment); the export is logged')
    .requiredOption('--out <file>', 'where to write it; a .md or .pdf name sets the format')
    .requiredOption('--as <account>', 'who makes the report, for the chain of custody')
    .addOption(
      new Option('--format <format>', 'md or pdf, when the file name does not say').choices(
        Object.values(ReportFormat),
      ),
    )
    .action(async (incidentId: string, flags: ReportFlags, command: Command) => {
      const format = flags.format ?? formatOfExtension[extname(flags.out).toLowerCase()];
      if (format === undefined) {
        command.error(`cannot tell the format of ${flags.out}: name a .md or .pdf file, or pass --format`, {
          exitCode: 2,
        });
      }

      try {
        await writeReport(incidentId, flags, format);
      } catch (error) {
        if (!(error instanceof EvidenceRequestError)) throw error;
        console.error(error.message);
        process.exitCode = 2;
      }
    });
}
