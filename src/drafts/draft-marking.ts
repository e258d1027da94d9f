/**
 * Every draft says what it is: text for legal to approve, which breachline
 * itself never sends. A notice goes out only after someone with the
 * authority to do so has approved it and sent it through their own channel.
 */

export const DRAFT_STATUS = 'draft-awaiting-legal-approval';
export type DraftStatus = typeof DRAFT_STATUS;

export const DRAFT_BANNER = 'DRAFT — requires legal approval. Nothing has been sent; breachline does not send drafts.';

/** Thrown when a draft is asked for with input it cannot be written from, e.g. an obligation of the wrong kind. */
export class DraftInputError extends Error {
  constructor(
    readonly draft: string,
    readonly problem: string,
  ) {
    super(`cannot draft the ${draft}: ${problem}`);
    this.name = 'DraftInputError';
  }
}
