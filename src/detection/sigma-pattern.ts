import type { Position } from './sigma-rule';

/**
 * Sigma string values: `*` and `?` are wildcards, and a backslash escapes
 * a wildcard or a backslash (`\*` is a star, `\\*` a backslash then a
 * wildcard, `\\\\` two backslashes); any other backslash is itself.
 * Values become LIKE patterns bound as parameters, so only LIKE's own
 * specials (`%`, `_` and the escape `\`) need escaping.
 */

type Segment = { kind: 'text'; text: string } | { kind: 'any' } | { kind: 'one' };

function segmentsOf(value: string): Segment[] {
  const segments: Segment[] = [];
  const pushText = (text: string): void => {
    const last = segments.at(-1);
    if (last?.kind === 'text') last.text += text;
    else segments.push({ kind: 'text', text });
  };

  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i);
    const next = value.charAt(i + 1);
    if (char === '\\' && (next === '*' || next === '?' || next === '\\')) {
      pushText(next);
      i++;
    } else if (char === '*') segments.push({ kind: 'any' });
    else if (char === '?') segments.push({ kind: 'one' });
    else pushText(char);
  }
  return segments;
}

export function hasWildcard(value: string): boolean {
  return segmentsOf(value).some((segment) => segment.kind !== 'text');
}

/** The value with its escapes removed, for values that hold no wildcard. */
export function plainText(value: string): string {
  return segmentsOf(value)
    .map((segment) => (segment.kind === 'text' ? segment.text : ''))
    .join('');
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** A LIKE pattern (escape character `\`, PostgreSQL's default) for a Sigma value under an optional position modifier. */
export function toLikePattern(value: string, position: Position | undefined): string {
  const body = segmentsOf(value)
    .map((segment) => (segment.kind === 'text' ? escapeLike(segment.text) : segment.kind === 'any' ? '%' : '_'))
    .join('');
  const before = position === 'contains' || position === 'endswith' ? '%' : '';
  const after = position === 'contains' || position === 'startswith' ? '%' : '';

  return `${before}${body}${after}`;
}
