import type { FieldMapping } from './field-mapping';
import type { SqlParams } from './sql-params';
import type { ScopeSql } from './sweep-scope';

/**
 * An instant known when a statement is compiled: its value, and the
 * parameter that carries it, added only when used (PostgreSQL refuses a
 * statement with a parameter it cannot type).
 */
export class Instant {
  private placeholder: string | undefined;

  constructor(
    readonly epochMs: number,
    private readonly params: SqlParams,
  ) {}

  get sql(): string {
    this.placeholder ??= this.params.add(new Date(this.epochMs).toISOString(), 'timestamptz');
    return this.placeholder;
  }
}

/**
 * What the compilers share while building one statement: its parameters,
 * the mapping, the sweep scope, and the common table expressions written
 * so far (in dependency order). CTE names are generated, never taken from
 * rule text.
 */
export class CompileContext {
  private readonly ctes: string[] = [];
  private readonly prefixes = new Set<string>();
  private counter = 0;

  constructor(
    readonly params: SqlParams,
    readonly mapping: FieldMapping,
    readonly scope: ScopeSql,
    /** How long a stretch of time the sweep's new events cover, earliest to latest. */
    readonly newSpanMs: number,
  ) {}

  /** Adds `name AS (body)` under a fresh name and returns the name. */
  cte(prefix: string, body: string): string {
    this.counter += 1;
    this.prefixes.add(prefix);
    const name = `${prefix}_${this.counter}`;
    this.ctes.push(`${name} AS (\n${body}\n)`);
    return name;
  }

  /** Whether a CTE under this prefix has been added. */
  has(prefix: string): boolean {
    return this.prefixes.has(prefix);
  }

  statement(finalSelect: string): string {
    return `WITH ${this.ctes.join(',\n')}\n${finalSelect}`;
  }

  instant(iso: string): Instant {
    return new Instant(Date.parse(iso), this.params);
  }

  /**
   * The start of the `seconds`-long epoch-aligned window holding `instant`.
   * Worked out here rather than in SQL: there it is a stable expression,
   * evaluated again for every row it is compared with.
   */
  windowStart(instant: Instant, seconds: number): Instant {
    const span = seconds * 1000;
    return new Instant(Math.floor(instant.epochMs / span) * span, this.params);
  }

  /** The index of that window, counted from the epoch. */
  windowIndex(sql: string, seconds: number): string {
    // date_part's double, not extract's numeric: exact for whole seconds, and several times cheaper per row.
    return `floor(date_part('epoch', ${sql}) / ${this.params.add(seconds, 'bigint')})::bigint`;
  }

  days(count: number): string {
    return `make_interval(days => ${this.params.add(count, 'int')})`;
  }
}
