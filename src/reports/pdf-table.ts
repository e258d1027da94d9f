/// <reference types="pdfkit" />
import type { ReportColumn, ReportField, ReportTable } from './report-model';
import { pdfSafe } from './pdf-text';

/**
 * Tables and label-value lines for the PDF, drawn row by row with pdfkit's
 * text primitives. pdfkit's own `table()` is not used: it does not repeat the
 * header row on a new page, and it clamps a row taller than a page, cutting
 * its text with an ellipsis (and warning on the console), while an audit
 * report must print every word. Here a row that does not fit the rest of the
 * page moves to a new one under a repeated header, and a row taller than a
 * whole page is printed as flowing paragraphs instead.
 */

type Doc = PDFKit.PDFDocument;

export const PdfFont = { regular: 'Helvetica', bold: 'Helvetica-Bold', code: 'Courier' } as const;
export const PDF_BODY_SIZE = 8;
const CELL_PADDING = 3;
const FIELD_LABEL_WIDTH = 130;
const HEADER_FILL = '#e8e8e8';
const RULE_COLOR = '#bbbbbb';

interface Cell {
  text: string;
  font: string;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function cellHeight(doc: Doc, cell: Cell, width: number): number {
  doc.font(cell.font).fontSize(PDF_BODY_SIZE);
  return doc.heightOfString(cell.text || ' ', { width: width - 2 * CELL_PADDING }) + 2 * CELL_PADDING;
}

function rowHeight(doc: Doc, cells: readonly Cell[], widths: readonly number[]): number {
  return Math.max(...cells.map((cell, i) => cellHeight(doc, cell, widths[i] ?? 0)));
}

function drawRow(doc: Doc, cells: readonly Cell[], widths: readonly number[], height: number): void {
  const top = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0;
    doc.font(cell.font).fontSize(PDF_BODY_SIZE).fillColor('black');
    doc.text(cell.text, x + CELL_PADDING, top + CELL_PADDING, { width: width - 2 * CELL_PADDING });
    x += width;
  });

  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

function rule(doc: Doc): void {
  const left = doc.page.margins.left;
  doc
    .moveTo(left, doc.y)
    .lineTo(left + contentWidth(doc), doc.y)
    .lineWidth(0.5)
    .strokeColor(RULE_COLOR)
    .stroke();
}

/** Code columns get the width of their longest line, so a hash stays on one line; the rest share what is left. */
function columnWidths(doc: Doc, table: ReportTable): number[] {
  const total = contentWidth(doc);
  doc.font(PdfFont.code).fontSize(PDF_BODY_SIZE);
  const natural = table.columns.map((column, i) => {
    if (!column.code) return 0;
    const lines = [column.header, ...table.rows.flatMap((row) => (row[i] ?? '').split('\n'))];
    return Math.min(total / 2, Math.max(...lines.map((line) => doc.widthOfString(line))) + 2 * CELL_PADDING + 1);
  });

  const left = total - natural.reduce((sum, width) => sum + width, 0);
  const weights = table.columns.reduce((sum, column) => sum + (column.code ? 0 : column.weight), 0);
  return table.columns.map((column, i) => (column.code ? (natural[i] ?? 0) : (left * column.weight) / weights));
}

function drawHeaderRow(doc: Doc, columns: readonly ReportColumn[], widths: readonly number[]): void {
  const cells = columns.map((column) => ({ text: pdfSafe(column.header), font: PdfFont.bold }));
  const height = rowHeight(doc, cells, widths);
  doc.rect(doc.page.margins.left, doc.y, contentWidth(doc), height).fill(HEADER_FILL);
  drawRow(doc, cells, widths, height);
  rule(doc);
}

function drawRowAsParagraphs(doc: Doc, columns: readonly ReportColumn[], cells: readonly Cell[]): void {
  const width = contentWidth(doc);
  cells.forEach((cell, i) => {
    doc.font(PdfFont.bold).fontSize(PDF_BODY_SIZE).fillColor('black');
    doc.text(pdfSafe(columns[i]?.header ?? ''), doc.page.margins.left, doc.y, { width });
    doc.font(cell.font).text(cell.text, { width });
  });
  doc.moveDown(0.5);
  rule(doc);
}

/** Starts a new page when less than `height` is left on this one. */
export function ensureRoom(doc: Doc, height: number): boolean {
  if (doc.y + height <= doc.page.maxY()) return false;

  doc.addPage();
  return true;
}

export function drawTable(doc: Doc, table: ReportTable): void {
  const widths = columnWidths(doc, table);
  const pageHeight = doc.page.maxY() - doc.page.margins.top;
  drawHeaderRow(doc, table.columns, widths);

  for (const row of table.rows) {
    const cells = table.columns.map((column, i) => ({
      text: pdfSafe(row[i] ?? ''),
      font: column.code ? PdfFont.code : PdfFont.regular,
    }));
    const height = rowHeight(doc, cells, widths);
    if (height > pageHeight / 2) {
      drawRowAsParagraphs(doc, table.columns, cells);
      continue;
    }
    if (ensureRoom(doc, height)) drawHeaderRow(doc, table.columns, widths);
    drawRow(doc, cells, widths, height);
    rule(doc);
  }
}

export function drawFields(doc: Doc, fields: readonly ReportField[]): void {
  const widths = [FIELD_LABEL_WIDTH, contentWidth(doc) - FIELD_LABEL_WIDTH];
  for (const field of fields) {
    const cells = [
      { text: pdfSafe(field.label), font: PdfFont.bold },
      { text: pdfSafe(field.value), font: field.code ? PdfFont.code : PdfFont.regular },
    ];
    const height = rowHeight(doc, cells, widths);
    ensureRoom(doc, height);
    drawRow(doc, cells, widths, height);
  }
}
