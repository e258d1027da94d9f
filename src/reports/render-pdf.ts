import PDFDocument from 'pdfkit';
import { drawFields, drawTable, ensureRoom, PDF_BODY_SIZE, PdfFont } from './pdf-table';
import { pdfSafe } from './pdf-text';
import type { Report, ReportBlock } from './report-model';

/**
 * Draws a report as a PDF in pdfkit's standard fonts, on US Letter turned
 * landscape: only that width holds an evidence row's SHA-256 and artifact id
 * on one line each beside the columns that describe them. The title, the
 * subtitle and "page n of m" run along the top of every page, so a page
 * printed on its own still says which report it belongs to. The bytes depend
 * on nothing but the report and `createdAt`: pdfkit derives the file id from
 * the document info, so with the creation date fixed (never the clock) the
 * same report always gives the same file.
 */

export interface PdfOptions {
  /** The instant written as the document's creation and modification date. */
  createdAt: string;
  /** Uncompressed content streams, so tests can read the text back; compressed when absent. */
  compress?: boolean;
}

type Doc = PDFKit.PDFDocument;

const MARGIN = 54;
const TITLE_SIZE = 15;
const SECTION_SIZE = 11;
const RUNNING_HEAD_SIZE = 7;
const MUTED = '#555555';
const BULLET_INDENT = 10;
/** Room a heading needs below it, so it is never left alone at the foot of a page. */
const KEEP_WITH_NEXT = 40;

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function paragraph(doc: Doc, text: string, font: string = PdfFont.regular): void {
  doc.font(font).fontSize(PDF_BODY_SIZE).fillColor('black');
  doc.text(pdfSafe(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
}

function heading(doc: Doc, text: string, size: number): void {
  const safe = pdfSafe(text);
  doc.font(PdfFont.bold).fontSize(size);
  ensureRoom(doc, doc.heightOfString(safe, { width: contentWidth(doc) }) + KEEP_WITH_NEXT);

  doc.fillColor('black').text(safe, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

/** The title is kept with the first item, so a list never starts at the foot of one page and goes on over the next. */
function drawList(doc: Doc, title: string, items: readonly string[]): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc) - BULLET_INDENT;
  const texts = items.map(pdfSafe);
  doc.font(PdfFont.bold).fontSize(PDF_BODY_SIZE);
  const titleHeight = doc.heightOfString(pdfSafe(title), { width: contentWidth(doc) });
  doc.font(PdfFont.regular);
  ensureRoom(doc, titleHeight + doc.heightOfString(texts[0] ?? '', { width }));
  paragraph(doc, title, PdfFont.bold);

  for (const text of texts) {
    doc.font(PdfFont.regular).fontSize(PDF_BODY_SIZE);
    ensureRoom(doc, doc.heightOfString(text, { width }));
    const top = doc.y;
    doc.text('•', left, top);
    doc.text(text, left + BULLET_INDENT, top, { width });
  }
}

function drawBlock(doc: Doc, block: ReportBlock): void {
  switch (block.kind) {
    case 'fields':
      drawFields(doc, block.fields);
      break;
    case 'table':
      if (block.table.rows.length === 0) paragraph(doc, block.whenEmpty);
      else drawTable(doc, block.table);
      break;
    case 'list':
      drawList(doc, block.title, block.items);
      break;
    case 'text':
      paragraph(doc, block.text);
      break;
  }
  doc.x = doc.page.margins.left;
  doc.moveDown(1.2);
}

/** Drawn last, over every buffered page, since the page count is known only then. */
function drawRunningHeads(doc: Doc, report: Report): void {
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page += 1) {
    doc.switchToPage(page);
    const y = doc.page.margins.top / 2;
    const options = { width: contentWidth(doc), lineBreak: false };
    doc.font(PdfFont.regular).fontSize(RUNNING_HEAD_SIZE).fillColor(MUTED);
    doc.text(pdfSafe(report.title), doc.page.margins.left, y, options);
    const folio = `${pdfSafe(report.subtitle)}, page ${page - start + 1} of ${count}`;
    doc.text(folio, doc.page.margins.left, y, { ...options, align: 'right' });
  }
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export function renderPdf(report: Report, options: PdfOptions): Promise<Buffer> {
  const created = new Date(options.createdAt);
  if (Number.isNaN(created.getTime())) throw new RangeError('the PDF creation time is not a valid ISO 8601 instant');

  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: report.title, Creator: 'breachline', CreationDate: created, ModDate: created },
  });
  const finished = collect(doc);

  heading(doc, report.title, TITLE_SIZE);
  paragraph(doc, report.subtitle);
  doc.moveDown(1);
  for (const section of report.sections) {
    heading(doc, section.title, SECTION_SIZE);
    for (const block of section.blocks) drawBlock(doc, block);
  }
  drawRunningHeads(doc, report);
  doc.end();

  return finished;
}
