import { DRAFT_BANNER } from './draft-marking';

/**
 * The plain-text layout the notice drafts share: the draft banner, a header
 * for legal that is not part of the notice, labelled fields, and the open
 * items at the end. An empty field says so rather than disappear, so legal
 * sees every element the law asks for.
 */

export const INDENT = '   ';
export const NOT_GIVEN = '(not given: see open items)';

/** A labelled line; a multi-line value continues indented under it. */
export function field(label: string, value: string): string {
  return `${INDENT}${label}: ${value.replaceAll('\n', `\n${INDENT}${INDENT}`)}`;
}

/** A labelled list: one item per line, or the not-given marker when there are none. */
export function listField(label: string, items: readonly string[]): string[] {
  if (items.length === 0) return [field(label, NOT_GIVEN)];

  return [`${INDENT}${label}:`, ...items.map((item) => `${INDENT}${INDENT}- ${item}`)];
}

/** The header legal reads first: what this draft is, for which obligation, and by when. */
export function legalHeader(title: string, lines: readonly string[]): string[] {
  return [DRAFT_BANNER, '', `Draft for legal: ${title}`, ...lines];
}

export function openItemsBlock(items: readonly string[]): string[] {
  return ['Open items for legal:', ...items.map((item) => `${INDENT}- ${item}`)];
}

/** Blocks of lines, a blank line between each, ending in one newline. */
export function joinBlocks(blocks: readonly (readonly string[])[]): string {
  return blocks.map((block) => block.join('\n')).join('\n\n') + '\n';
}
