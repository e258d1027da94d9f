import { IANAZone } from 'luxon';
import { timestampSchema } from '../audit/event';
import type { SqlParams } from './sql-params';

/**
 * Which events one evaluation looks at. `afterSeq`/`uptoSeq` select the
 * new events by sequence number: the sweeper passes its watermark and the
 * tenant's head, so an event that arrives late (an old `occurred_at`, a
 * new `seq`) is seen exactly once, in the sweep that first covers its seq.
 * Earlier events still count towards the windows the new ones fall in.
 * Sequence numbers are per tenant; without `tenantId` the same bounds
 * apply to every tenant, which suits ad-hoc runs (afterSeq 0, no upper bound).
 */
export interface SweepScope {
  tenantId?: string;
  /** Events with a greater seq are new; default 0 (everything). */
  afterSeq?: number;
  /** Events with a greater seq are ignored altogether, so a sweep is repeatable; default no bound. */
  uptoSeq?: number;
  /** Only events that occurred at or after this instant count (ISO 8601 with offset). */
  since?: string;
  /** Only events that occurred before this instant count. */
  until?: string;
  /** IANA zone for hour-of-day derived fields; default UTC. */
  timeZone?: string;
}

export class SweepScopeError extends Error {
  constructor(reason: string) {
    super(`Invalid sweep scope: ${reason}`);
    this.name = 'SweepScopeError';
  }
}

/** The scope's conditions as SQL over a given alias, every value a parameter. */
export class ScopeSql {
  constructor(
    private readonly scope: SweepScope,
    private readonly params: SqlParams,
  ) {
    checkScope(scope);
  }

  /** Added only when used: PostgreSQL refuses a statement with a parameter it cannot type. */
  get timeZone(): string {
    return this.params.add(this.scope.timeZone ?? 'UTC', 'text');
  }

  get afterSeq(): string {
    return this.params.add(this.scope.afterSeq ?? 0, 'bigint');
  }

  /** Events of the tenant(s) stored up to `uptoSeq`: what every part of a sweep reads, history included. */
  stored(alias: string): string {
    const parts = [];
    if (this.scope.tenantId !== undefined)
      parts.push(`${alias}.tenant_id = ${this.params.add(this.scope.tenantId, 'text')}`);
    if (this.scope.uptoSeq !== undefined)
      parts.push(`${alias}.seq <= ${this.params.add(this.scope.uptoSeq, 'bigint')}`);
    return parts.length > 0 ? parts.join(' AND ') : 'true';
  }

  /** Events that may match a rule: stored, and inside [since, until). */
  candidate(alias: string): string {
    const parts = [this.stored(alias)];
    if (this.scope.since !== undefined) {
      parts.push(`${alias}.occurred_at >= ${this.params.add(this.scope.since, 'timestamptz')}`);
    }
    if (this.scope.until !== undefined) {
      parts.push(`${alias}.occurred_at < ${this.params.add(this.scope.until, 'timestamptz')}`);
    }
    return parts.join(' AND ');
  }

  /** Events new in this sweep. */
  fresh(alias: string): string {
    return `${this.candidate(alias)} AND ${alias}.seq > ${this.afterSeq}`;
  }
}

function checkScope(scope: SweepScope): void {
  if (scope.timeZone !== undefined && !IANAZone.isValidZone(scope.timeZone)) {
    throw new SweepScopeError(`unknown time zone '${scope.timeZone}'`);
  }
  for (const key of ['afterSeq', 'uptoSeq'] as const) {
    const value = scope[key];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new SweepScopeError(`${key} must be a whole number of at least 0`);
    }
  }
  for (const key of ['since', 'until'] as const) {
    const value = scope[key];
    if (value !== undefined && !timestampSchema.safeParse(value).success) {
      throw new SweepScopeError(`${key} must be an ISO 8601 date and time with an offset`);
    }
  }
}
