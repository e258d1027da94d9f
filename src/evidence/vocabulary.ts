/** What an evidence artifact is. */
export const ArtifactKind = {
  /** The audit events around an alert, as NDJSON. */
  auditEvents: 'audit-events',
  /** What a containment action did, as JSON. */
  containmentRecord: 'containment-record',
  /** A file a responder attached. */
  upload: 'upload',
} as const;
export type ArtifactKind = (typeof ArtifactKind)[keyof typeof ArtifactKind];

/** What a chain-of-custody entry records. */
export const CustodyAction = {
  capture: 'capture',
  view: 'view',
  export: 'export',
  verify: 'verify',
} as const;
export type CustodyAction = (typeof CustodyAction)[keyof typeof CustodyAction];

/**
 * The largest artifact the store takes. Artifacts live in the database and
 * are read whole into memory (PGlite runs in WebAssembly, whose heap is small;
 * a bytea is sent as hex text, twice its size), so this keeps every backend
 * comfortable. A larger artifact is refused whole, never cut short.
 */
export const MAX_ARTIFACT_BYTES = 50 * 1024 * 1024;

export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';
export const JSON_MEDIA_TYPE = 'application/json';

/** The closed list of failure types the evidence activities throw (ApplicationFailure `type`); none is retried. */
export const EvidenceFailure = {
  /** The request is malformed: a workflow bug, and retrying cannot fix it. */
  invalidRequest: 'EvidenceInvalidRequest',
  /** The artifact would exceed MAX_ARTIFACT_BYTES; capture a shorter window. */
  tooLarge: 'EvidenceTooLarge',
} as const;
export type EvidenceFailure = (typeof EvidenceFailure)[keyof typeof EvidenceFailure];
