/**
 * A provider's refusal of one message, classified so the fan-out knows what
 * to do next: a transient failure (rate limit, provider outage, network) is
 * retried with backoff; a permanent one (a number that cannot take SMS, a
 * recipient who unsubscribed) stops that channel for that person and falls
 * back to mail.
 *
 * The error's `name` carries the kind, so a Temporal retry policy can list
 * `PermanentSendFailure` among its non-retryable error types without
 * unwrapping anything. Messages name the provider and code, never the
 * recipient: providers quote the number back in their own texts, so those
 * texts are not kept.
 */

export const SendFailureKinds = { transient: 'transient', permanent: 'permanent' } as const;
export type SendFailureKind = (typeof SendFailureKinds)[keyof typeof SendFailureKinds];

/** The error names a retry policy sees, one per kind. */
export const SendFailureTypes = {
  transient: 'TransientSendFailure',
  permanent: 'PermanentSendFailure',
} as const satisfies Record<SendFailureKind, string>;

export interface SendFailureDetails {
  kind: SendFailureKind;
  /** Which provider refused: `twilio`, `smtp`. */
  provider: string;
  /** The provider's own error code (Twilio `21211`, an SMTP reply code), when it gave one. */
  providerCode?: string;
  /** The HTTP status or SMTP reply class, when there was one. */
  status?: number;
  /** A fixed sentence about the code, free of recipient data. */
  reason: string;
}

/** Thrown by a sender when a provider did not take a message; see the module comment for the two kinds. */
export class SendFailure extends Error {
  readonly kind: SendFailureKind;
  readonly provider: string;
  readonly providerCode: string | undefined;
  readonly status: number | undefined;

  // No `cause`: a provider's error object quotes the number and, for network errors, the whole request.
  constructor(details: SendFailureDetails) {
    const code = details.providerCode === undefined ? '' : ` (code ${details.providerCode})`;
    super(`${details.provider} did not take the message${code}: ${details.reason}`);
    this.name = SendFailureTypes[details.kind];
    this.kind = details.kind;
    this.provider = details.provider;
    this.providerCode = details.providerCode;
    this.status = details.status;
  }

  get permanent(): boolean {
    return this.kind === SendFailureKinds.permanent;
  }
}

export function isSendFailure(error: unknown): error is SendFailure {
  return error instanceof SendFailure;
}
