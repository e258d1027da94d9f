/**
 * How the fake treats particular numbers, set at start or changed by a test
 * while it runs: numbers that opted out (21610), landlines (21614), numbers
 * whose sends are answered with a given error a given number of times, and
 * numbers that accept messages the carrier then cannot deliver.
 */

/** Delivery failures a carrier reports after Twilio accepted the message. */
export const CarrierErrors = {
  /** Unreachable destination handset: switched off or out of coverage. */
  unreachableHandset: 30003,
  /** Unknown destination handset: the number does not exist. */
  unknownHandset: 30005,
  /** Landline or unreachable carrier. */
  landlineOrUnreachableCarrier: 30006,
} as const;

export interface ScriptedError {
  code: number;
  /** HTTP status; default Twilio's own for a known code, else 400. */
  status?: number;
  /** How many sends get this answer before the number behaves normally; default every send. */
  times?: number;
}

export interface Undeliverable {
  /** The ErrorCode of the final status callback, e.g. CarrierErrors.unreachableHandset. */
  errorCode: number;
  /** `undelivered` (the default: the carrier refused it) or `failed` (Twilio could not send it at all). */
  status?: 'undelivered' | 'failed';
}

export interface FakeBehaviourOptions {
  unsubscribed?: Iterable<string>;
  landlines?: Iterable<string>;
  errors?: Record<string, ScriptedError>;
  undeliverable?: Record<string, Undeliverable>;
  /** Create requests accepted per second across the account; more are answered 20429. Default unlimited. */
  maxRequestsPerSecond?: number;
}

const ONE_SECOND_MS = 1000;

export class FakeBehaviour {
  private readonly unsubscribedNumbers: Set<string>;
  private readonly landlineNumbers: Set<string>;
  private readonly errors = new Map<string, ScriptedError>();
  private readonly undeliverableNumbers = new Map<string, Undeliverable>();
  private maxRequestsPerSecond: number;
  private windowStart = 0;
  private requestsInWindow = 0;

  constructor(options: FakeBehaviourOptions = {}) {
    this.unsubscribedNumbers = new Set(options.unsubscribed);
    this.landlineNumbers = new Set(options.landlines);
    for (const [number, error] of Object.entries(options.errors ?? {})) this.answerWithError(number, error);
    for (const [number, failure] of Object.entries(options.undeliverable ?? {}))
      this.makeUndeliverable(number, failure);
    this.maxRequestsPerSecond = options.maxRequestsPerSecond ?? Number.POSITIVE_INFINITY;
  }

  unsubscribe(number: string): void {
    this.unsubscribedNumbers.add(number);
  }

  isUnsubscribed(number: string): boolean {
    return this.unsubscribedNumbers.has(number);
  }

  isLandline(number: string): boolean {
    return this.landlineNumbers.has(number);
  }

  answerWithError(number: string, error: ScriptedError): void {
    this.errors.set(number, { ...error });
  }

  makeUndeliverable(number: string, failure: Undeliverable): void {
    this.undeliverableNumbers.set(number, failure);
  }

  undeliverable(number: string): Undeliverable | undefined {
    return this.undeliverableNumbers.get(number);
  }

  setMaxRequestsPerSecond(limit: number): void {
    this.maxRequestsPerSecond = limit;
  }

  /** The scripted error for this send, if any; counts it down, forgetting it once used up. */
  takeScriptedError(number: string): ScriptedError | undefined {
    const error = this.errors.get(number);
    if (!error) return undefined;

    if (error.times !== undefined) {
      error.times -= 1;
      if (error.times <= 0) this.errors.delete(number);
    }
    return error;
  }

  /** Counts a request in a fixed one-second window; false when the window is already full. */
  admitRequest(now: number): boolean {
    if (now - this.windowStart >= ONE_SECOND_MS) {
      this.windowStart = now;
      this.requestsInWindow = 0;
    }
    if (this.requestsInWindow >= this.maxRequestsPerSecond) return false;

    this.requestsInWindow += 1;
    return true;
  }
}
