import { ApplicationFailure } from '@temporalio/activity';
import type { ArtifactRecord, StoredArtifact } from '../src/evidence/artifacts';
import { captureAlertEvents } from '../src/evidence/capture-audit-events';
import { recordContainment } from '../src/evidence/capture-records';
import { ArtifactTooLargeError, EvidenceRequestError } from '../src/evidence/errors';
import type { AlertEvidenceRequest, ContainmentEvidenceRequest } from '../src/evidence/requests';
import { EvidenceFailure } from '../src/evidence/vocabulary';
import type { Logger } from '../src/logging/logger';
import type { Database } from '../src/store/database';

/**
 * Evidence capture as activities. The content stays in the evidence store;
 * a workflow gets back only a reference (id, hash, size), so large artifacts
 * never travel through workflow histories. Pass a captureKey derived from the
 * incident and the step: a retried attempt then returns the first artifact
 * instead of storing a second one.
 */

export interface EvidenceDependencies {
  store: Database;
  logger: Logger;
}

/** What a workflow keeps of an artifact: enough to name and check it, never its content. */
export interface EvidenceReference {
  artifactId: string;
  kind: ArtifactRecord['kind'];
  name: string;
  sha256: string;
  size: number;
  capturedAt: string;
  /** False when the capture key had been used before and this is the artifact stored then. */
  created: boolean;
}

export interface AlertEvidenceReference extends EvidenceReference {
  eventCount: number;
}

function referenceTo(stored: StoredArtifact): EvidenceReference {
  const { id, kind, name, sha256, size, capturedAt } = stored.artifact;
  return { artifactId: id, kind, name, sha256, size, capturedAt, created: stored.created };
}

/** Bad requests and oversized artifacts are business failures: retrying cannot mend them. */
function toFailure(error: unknown): unknown {
  if (error instanceof EvidenceRequestError) {
    return ApplicationFailure.create({
      type: EvidenceFailure.invalidRequest,
      message: error.message,
      nonRetryable: true,
    });
  }
  if (error instanceof ArtifactTooLargeError) {
    return ApplicationFailure.create({ type: EvidenceFailure.tooLarge, message: error.message, nonRetryable: true });
  }
  return error;
}

export function createEvidenceActivities(deps: EvidenceDependencies) {
  function logCaptured(reference: EvidenceReference, incidentId: string): void {
    const { artifactId, kind, size, created } = reference;
    deps.logger.info({ incidentId, artifactId, kind, size, created }, 'Evidence captured');
  }

  return {
    /** Captures the audit events around an alert (by user, address or patient, over a window). */
    async captureAlertEvidence(request: AlertEvidenceRequest): Promise<AlertEvidenceReference> {
      const captured = await captureAlertEvents(deps.store, request).catch((error: unknown) => {
        throw toFailure(error);
      });

      const reference = { ...referenceTo(captured), eventCount: captured.eventCount };
      logCaptured(reference, captured.artifact.incidentId);
      return reference;
    },

    /** Stores what a containment action did (its ContainmentRecord) as a JSON artifact. */
    async captureContainmentEvidence(request: ContainmentEvidenceRequest): Promise<EvidenceReference> {
      const stored = await recordContainment(deps.store, request).catch((error: unknown) => {
        throw toFailure(error);
      });

      const reference = referenceTo(stored);
      logCaptured(reference, stored.artifact.incidentId);
      return reference;
    },
  };
}
