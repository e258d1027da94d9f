/**
 * The ways evidence work fails on bad input or missing data. None of them
 * quotes an artifact's content or name: messages name ids, fields and numbers.
 */

/** Thrown before anything is stored when a request is malformed; `problems` names every bad field. */
export class EvidenceRequestError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid evidence request: ${problems.join('; ')}`);
    this.name = 'EvidenceRequestError';
  }
}

/** Thrown when an artifact would exceed the store's size limit; nothing is stored. */
export class ArtifactTooLargeError extends Error {
  constructor(
    readonly incidentId: string,
    readonly limitBytes: number,
    hint: string,
  ) {
    super(`evidence for incident ${incidentId} exceeds the ${limitBytes / 1024 / 1024} MB artifact limit; ${hint}`);
    this.name = 'ArtifactTooLargeError';
  }
}

/** Thrown when an incident has no evidence, or not the artifact asked for. */
export class EvidenceNotFoundError extends Error {
  constructor(
    readonly incidentId: string,
    readonly artifactId?: string,
  ) {
    super(
      artifactId
        ? `incident ${incidentId} has no evidence artifact ${artifactId}`
        : `no evidence is stored for incident ${incidentId}`,
    );
    this.name = 'EvidenceNotFoundError';
  }
}

/** Thrown when a file is not a readable bundle archive at all (as opposed to a bundle that fails verification). */
export class BundleUnreadableError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`cannot read evidence bundle ${file}: ${reason}`);
    this.name = 'BundleUnreadableError';
  }
}
