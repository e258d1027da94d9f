import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 signing of admin API requests, for the sender (breachline) and
 * the receiver (the platform, or our simulator of it).
 *
 * The signed string is these seven lines joined by "\n", with no trailing one:
 *
 *   v1                      the scheme version
 *   <timestamp>             Unix time in whole seconds, decimal, as in the timestamp header
 *   <nonce>                 32 lowercase hex digits, fresh for every send, as in the nonce header
 *   <METHOD>                upper case
 *   <path>                  the request target as sent: path and query string, percent-encoding untouched
 *   <request id>            as in the request-id header
 *   <body digest>           SHA-256 of the raw body bytes, lowercase hex (of "" when there is no body)
 *
 * and the signature header is `v1=` followed by the lowercase hex HMAC of it.
 * The request id is signed so that it cannot be swapped to reach another
 * request's stored result; the body goes in as a digest so that no byte of it
 * can be confused with the lines around it.
 *
 * A receiver accepts a request only when the signature matches (compared in
 * constant time), the timestamp lies within the allowed skew of its own
 * clock, and the same signature has not been seen before. A sender retrying
 * signs afresh with a new nonce (the timestamp alone would repeat within a
 * second), so its retry is not a replay: the request id, not the signature,
 * is what makes the retry idempotent.
 */

export const SignatureHeader = {
  timestamp: 'x-breachline-timestamp',
  signature: 'x-breachline-signature',
  requestId: 'x-breachline-request-id',
  nonce: 'x-breachline-nonce',
} as const;

export const SIGNATURE_VERSION = 'v1';

/** Five minutes either way, the common choice (Stripe, Slack): room for clock drift, little for a captured request. */
export const DEFAULT_MAX_SKEW_SECONDS = 300;

/** Request ids are opaque to the receiver but must fit a header and a log line. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

export interface SignableRequest {
  method: string;
  /** Path and query string exactly as sent. */
  path: string;
  requestId: string;
  /** The raw body; "" for none. */
  body: string;
}

export type SignatureHeaders = Record<(typeof SignatureHeader)[keyof typeof SignatureHeader], string>;

const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

export function canonicalRequest(request: SignableRequest, timestamp: number, nonce: string): string {
  const bodyDigest = createHash('sha256').update(request.body, 'utf8').digest('hex');
  return [
    SIGNATURE_VERSION,
    String(timestamp),
    nonce,
    request.method.toUpperCase(),
    request.path,
    request.requestId,
    bodyDigest,
  ].join('\n');
}

function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

const freshNonce = (): string => randomBytes(16).toString('hex');

/** The four headers that sign `request`, at `timestamp` (Unix seconds; now by default), with a fresh nonce. */
export function signRequest(
  request: SignableRequest,
  secret: string,
  timestamp = nowInSeconds(),
  nonce = freshNonce(),
): SignatureHeaders {
  if (!REQUEST_ID_PATTERN.test(request.requestId)) {
    throw new RangeError('A request id is 1 to 200 letters, digits or . _ : -');
  }
  return {
    [SignatureHeader.timestamp]: String(timestamp),
    [SignatureHeader.nonce]: nonce,
    [SignatureHeader.signature]: `${SIGNATURE_VERSION}=${hmacHex(secret, canonicalRequest(request, timestamp, nonce))}`,
    [SignatureHeader.requestId]: request.requestId,
  };
}

/** Why a request was refused; each is answered 401 with this reason. */
export const SignatureRejection = {
  unsigned: 'unsigned',
  malformed: 'malformed',
  stale: 'stale',
  badSignature: 'bad-signature',
  replayed: 'replayed',
} as const;
export type SignatureRejection = (typeof SignatureRejection)[keyof typeof SignatureRejection];

const rejectionMessages: Record<SignatureRejection, string> = {
  unsigned: 'the request carries no signature, timestamp, nonce or request id header',
  malformed: 'a signature header is malformed',
  stale: 'the timestamp is outside the allowed clock skew',
  'bad-signature': 'the signature does not match the request',
  replayed: 'this exact signed request was already received',
};

export type Verification =
  { ok: true; requestId: string; timestamp: number } | { ok: false; reason: SignatureRejection; message: string };

/**
 * Remembers accepted signatures until their timestamp leaves the skew window;
 * after that the stale check refuses them anyway, so memory stays bounded by
 * the request rate times the window. Entries are dropped oldest-inserted
 * first, stopping at the first still alive: one may outlive its window a
 * little, none is forgotten early.
 */
export class ReplayGuard {
  private readonly forgetAfter = new Map<string, number>();

  /** True when `signature` was seen before; otherwise remembers it until `forgetAfter` (Unix seconds). */
  seenBefore(signature: string, forgetAfter: number, now: number): boolean {
    for (const [seen, until] of this.forgetAfter) {
      if (until >= now) break;
      this.forgetAfter.delete(seen);
    }
    if (this.forgetAfter.has(signature)) return true;
    this.forgetAfter.set(signature, forgetAfter);
    return false;
  }
}

export interface VerifyOptions {
  secret: string;
  replayGuard: ReplayGuard;
  maxSkewSeconds?: number;
  /** The receiver's clock, Unix seconds. */
  now?: number;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function header(headers: ReceivedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? undefined : value;
}

const refuse = (reason: SignatureRejection): Verification => ({
  ok: false,
  reason,
  message: rejectionMessages[reason],
});

const SIGNATURE_FORMAT = /^v1=[0-9a-f]{64}$/;
const TIMESTAMP_FORMAT = /^\d{1,12}$/;
const NONCE_FORMAT = /^[0-9a-f]{32}$/;

/** Checks a received request's signature headers; see the top of this file for the rules. */
export function verifySignedRequest(request: ReceivedRequest, options: VerifyOptions): Verification {
  const timestampText = header(request.headers, SignatureHeader.timestamp);
  const signature = header(request.headers, SignatureHeader.signature);
  const requestId = header(request.headers, SignatureHeader.requestId);
  const nonce = header(request.headers, SignatureHeader.nonce);
  if (!timestampText || !signature || !requestId || !nonce) return refuse(SignatureRejection.unsigned);
  if (!TIMESTAMP_FORMAT.test(timestampText) || !SIGNATURE_FORMAT.test(signature) || !NONCE_FORMAT.test(nonce)) {
    return refuse(SignatureRejection.malformed);
  }
  if (!REQUEST_ID_PATTERN.test(requestId)) return refuse(SignatureRejection.malformed);

  const now = options.now ?? nowInSeconds();
  const maxSkew = options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  const timestamp = Number(timestampText);
  if (Math.abs(now - timestamp) > maxSkew) {
    return refuse(SignatureRejection.stale);
  }

  const expected = signRequest({ ...request, requestId }, options.secret, timestamp, nonce)[SignatureHeader.signature];
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return refuse(SignatureRejection.badSignature);

  // Only a verified signature is remembered, so forged ones cannot fill the guard.
  if (options.replayGuard.seenBefore(signature, timestamp + maxSkew, now)) return refuse(SignatureRejection.replayed);

  return { ok: true, requestId, timestamp };
}
