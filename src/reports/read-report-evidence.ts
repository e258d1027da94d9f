import { z } from 'zod';
import { listArtifacts } from '../evidence/artifacts';
import { appendCustodyEntry, lockCustodyHead, readCustodyLog } from '../evidence/custody-log';
import { actorSchema, incidentIdSchema, parseRequest } from '../evidence/requests';
import { CustodyAction } from '../evidence/vocabulary';
import type { Database } from '../store/database';
import type { ReportEvidence } from './closure-report-from-incident';
import { ReportFormat } from './closure-report';

/**
 * Reads the evidence a closure report shows, and records the reading. A
 * report copies every artifact's hash and the custody head out of the store,
 * so making one is an export, and the custody log says so with an `export`
 * entry naming the report's format and file. The entry is appended in the
 * same transaction that reads the artifacts and the log, so the head the
 * report prints is that entry's own and no capture slips in between. It is
 * committed before the report is written: should writing fail, the entry
 * stays, recording a report that left no file, as a bundle export does.
 */

const reportEvidenceRequestSchema = z
  .object({
    incidentId: incidentIdSchema,
    actor: actorSchema,
    format: z.enum(ReportFormat),
    /** The report's file name without its folder, which may say more about the machine than the incident. */
    file: z.string().min(1).max(255),
  })
  .strict();
export type ReportEvidenceRequest = z.input<typeof reportEvidenceRequestSchema>;

export interface ExportedReportEvidence extends ReportEvidence {
  /** When the export entry was made: the report's own time, so its date and its custody entry agree. */
  exportedAt: string;
}

/** Throws EvidenceRequestError, naming every bad field, before anything is recorded. */
export async function readReportEvidence(db: Database, input: ReportEvidenceRequest): Promise<ExportedReportEvidence> {
  const { incidentId, actor, format, file } = parseRequest(reportEvidenceRequestSchema, input);

  return db.transaction(async (tx) => {
    const head = await lockCustodyHead(tx, incidentId);
    const exported = await appendCustodyEntry(tx, head, {
      action: CustodyAction.export,
      artifactId: null,
      actor,
      details: { report: format, file },
    });
    const artifacts = await listArtifacts(tx, incidentId);
    const custody = await readCustodyLog(tx, incidentId);

    return { artifacts, custody, exportedAt: exported.at };
  });
}
