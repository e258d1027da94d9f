import type { Client } from '@temporalio/client';
import { getIncidentStatus, RequestRefusedError } from '../client/incidents';
import { getObligationsStatus } from '../client/obligations';
import type { Database } from '../store/database';
import { ReportFormat, renderClosureReportMarkdown, renderClosureReportPdf } from './closure-report';
import type { ClosureReportData } from './closure-report-data';
import { closureObligations } from './closure-obligations';
import { closureReportData } from './closure-report-from-incident';
import { readReportEvidence } from './read-report-evidence';

/**
 * The closure report of a running or finished incident, rendered: what the
 * CLI writes to a file and the API sends. The incident's status comes from
 * its workflow, the obligations from its tracker when its breach facts were
 * set (otherwise none are listed), and the evidence from the store, whose
 * reading is logged as an export by `actor` (see read-report-evidence.ts).
 * Throws EvidenceRequestError for a bad actor or file name.
 */

export interface ClosureReportRequest {
  incidentId: string;
  actor: string;
  format: ReportFormat;
  /** The file name the report is saved under, for the custody entry. */
  file: string;
}

export interface RenderedClosureReport {
  content: string | Buffer;
  data: ClosureReportData;
}

async function render(data: ClosureReportData, format: ReportFormat): Promise<string | Buffer> {
  switch (format) {
    case ReportFormat.markdown:
      return renderClosureReportMarkdown(data);
    case ReportFormat.pdf:
      return renderClosureReportPdf(data);
  }
}

export async function closureReportForIncident(
  client: Client,
  db: Database,
  request: ClosureReportRequest,
): Promise<RenderedClosureReport> {
  const { incidentId } = request;
  const status = await getIncidentStatus(client, incidentId);
  const evidence = await readReportEvidence(db, request);

  const tracked = await getObligationsStatus(client, incidentId).catch((error: unknown) => {
    if (error instanceof RequestRefusedError) return undefined;
    throw error;
  });

  const data = closureReportData(status, evidence, closureObligations(tracked), evidence.exportedAt);
  return { content: await render(data, request.format), data };
}
