/**
 * A report as sections of fields, tables, lists and text, independent of the
 * format: the Markdown and PDF renderers draw the same model, so the two
 * versions of a report never disagree on what they say.
 */

export interface ReportColumn {
  header: string;
  /** Share of the page width in the PDF, relative to the table's other non-code columns. */
  weight: number;
  /** Hashes and ids: shown in a fixed-width font, never broken across lines in the PDF. */
  code?: boolean;
}

export interface ReportTable {
  columns: ReportColumn[];
  /** One string per column; a newline in a cell starts a new line within it. */
  rows: string[][];
}

export interface ReportField {
  label: string;
  value: string;
  code?: boolean;
}

export type ReportBlock =
  | { kind: 'fields'; fields: ReportField[] }
  | { kind: 'table'; table: ReportTable; whenEmpty: string }
  | { kind: 'list'; title: string; items: string[] }
  | { kind: 'text'; text: string };

export interface ReportSection {
  title: string;
  blocks: ReportBlock[];
}

export interface Report {
  title: string;
  /** Printed under the title, and in the PDF on every page. */
  subtitle: string;
  sections: ReportSection[];
}
