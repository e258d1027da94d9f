/**
 * The parameters of one statement. Every value that came from a rule, a
 * mapping or a caller goes through here and reaches SQL only as `$n`, so
 * no rule text is ever part of the statement. The same value with the same
 * cast gets the same number, which keeps repeated expressions (a details
 * key, a window length) identical for GROUP BY and short to read.
 */
export type SqlCast = 'text' | 'bigint' | 'int' | 'numeric' | 'boolean' | 'timestamptz' | 'inet';

export class SqlParams {
  readonly values: unknown[] = [];
  private readonly numbers = new Map<string, number>();

  /** `$n::cast` for `value`. */
  add(value: string | number | boolean | null, cast: SqlCast): string {
    const key = `${cast}:${typeof value}:${String(value)}`;
    let number = this.numbers.get(key);
    if (number === undefined) {
      this.values.push(value);
      number = this.values.length;
      this.numbers.set(key, number);
    }
    return `$${number}::${cast}`;
  }
}
