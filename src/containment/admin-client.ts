import { type AdminCall, adminErrorSchema, type AdminResponse, adminResponseSchema } from './admin-api';
import { signRequest } from './signing';

/**
 * The HTTP client for the platform admin API (admin-api.ts), over Node's
 * fetch. It signs every request and sorts every failure into one of two
 * kinds: AdminApiRejectedError when sending the same request again cannot
 * help, AdminApiUnavailableError when it may. Errors name the route template,
 * never the user, address or key in the path.
 */

export interface AdminClientOptions {
  /** Where the admin API lives, e.g. `https://prm.example.org`; a path prefix is kept. */
  baseUrl: string;
  signingSecret: string;
  /** Per request; see containmentActivityOptions for how it fits the activity timeout. */
  timeoutMs?: number;
}

export interface AdminReply {
  status: number;
  response: AdminResponse;
  /** The platform answered from its idempotency store: the action had already been taken under this request id. */
  idempotentReplay: boolean;
}

export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_REASON_LENGTH = 200;

/** A timeout (408), a request id still in flight (409) and rate limiting (429) pass; other 4xx do not. */
const TRANSIENT_CLIENT_ERRORS = new Set([408, 409, 429]);

/** Thrown when the admin API refused a request for good (a 3xx or a 4xx other than 408, 409 and 429). */
export class AdminApiRejectedError extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly reason: string,
  ) {
    super(`The admin API refused ${route} with status ${status}: ${reason}`);
    this.name = 'AdminApiRejectedError';
  }
}

/** Thrown when the admin API was unreachable, timed out, or answered 408, 409, 429 or 5xx. */
export class AdminApiUnavailableError extends Error {
  constructor(
    readonly route: string,
    /** Undefined when no answer came at all. */
    readonly status: number | undefined,
    readonly reason: string,
    /** From a Retry-After header, when the platform sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(`The admin API could not carry out ${route} (${status ?? 'no response'}): ${reason}`);
    this.name = 'AdminApiUnavailableError';
  }
}

export interface AdminClient {
  send(call: AdminCall): Promise<AdminReply>;
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

async function reasonOf(response: Response): Promise<string> {
  const parsed = adminErrorSchema.safeParse(await response.json().catch(() => undefined));
  const reason = parsed.success ? parsed.data.reason : response.statusText || 'no reason given';
  return reason.slice(0, MAX_REASON_LENGTH);
}

async function toReply(route: string, response: Response): Promise<AdminReply> {
  const parsed = adminResponseSchema.safeParse(await response.json().catch(() => undefined));
  // The action may well have been taken; asking again under the same request id is safe.
  if (!parsed.success) throw new AdminApiUnavailableError(route, response.status, 'the answer could not be read');

  const idempotentReplay = response.headers.get(IDEMPOTENT_REPLAY_HEADER) === 'true';
  return { status: response.status, response: parsed.data, idempotentReplay };
}

async function classifyFailure(route: string, response: Response): Promise<never> {
  const reason = await reasonOf(response);
  if (response.status >= 500 || TRANSIENT_CLIENT_ERRORS.has(response.status)) {
    throw new AdminApiUnavailableError(route, response.status, reason, retryAfterMs(response));
  }
  throw new AdminApiRejectedError(route, response.status, reason);
}

function describeNetworkFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer in ${timeoutMs} ms`;
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' ? `unreachable (${code})` : 'unreachable';
}

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    async send(call) {
      const url = new URL(`${base}${call.path}`);
      const body = JSON.stringify(call.body);
      const signed = {
        method: call.route.method,
        path: `${url.pathname}${url.search}`,
        requestId: call.requestId,
        body,
      };
      const { template } = call.route;

      let response: Response;
      try {
        response = await fetch(url, {
          method: call.route.method,
          headers: { 'content-type': 'application/json', ...signRequest(signed, options.signingSecret) },
          body,
          // A redirected signed request would fail verification anyway; better to say where it went wrong.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new AdminApiUnavailableError(template, undefined, describeNetworkFailure(error, timeoutMs));
      }

      if (response.ok) return toReply(template, response);
      return classifyFailure(template, response);
    },
  };
}
