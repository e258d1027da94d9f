import PDFDocument from 'pdfkit';
import type { NoticeDocument } from './compose-notice';

/**
 * The first-class mail letter (45 CFR 164.404(d)(1)(i)) as a one-notice PDF
 * for the mail house. pdfkit's built-in Helvetica covers Latin scripts only:
 * a name in another script prints as missing glyphs until a Unicode font is
 * bundled, so the mail-house manifest carries names as UTF-8 text as well.
 */

export interface PostalAddress {
  lines: string[];
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export type LetterLine = { kind: 'heading' | 'paragraph' | 'bullet' | 'address'; text: string };

export function letterLines(notice: NoticeDocument, recipientName: string, address: PostalAddress): LetterLine[] {
  const addressBlock = [recipientName, ...address.lines, `${address.city}, ${address.region} ${address.postalCode}`];
  const body = notice.sections.flatMap((section): LetterLine[] => [
    { kind: 'heading', text: section.heading },
    ...section.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    ...section.bullets.map((text) => ({ kind: 'bullet' as const, text: `• ${text}` })),
  ]);

  return [
    ...addressBlock.map((text) => ({ kind: 'address' as const, text })),
    { kind: 'paragraph', text: notice.greeting },
    ...body,
    { kind: 'paragraph', text: notice.closing },
  ];
}

export interface LetterPdfOptions {
  /** Uncompressed content streams, so tests can read the text back. */
  compress?: boolean;
}

export function renderLetterPdf(lines: LetterLine[], options: LetterPdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 72, compress: options.compress ?? true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  for (const line of lines) writeLine(doc, line);
  doc.end();

  return finished;
}

function writeLine(doc: PDFKit.PDFDocument, line: LetterLine): void {
  if (line.kind === 'heading') doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(line.text);
  else if (line.kind === 'address') doc.font('Helvetica').fontSize(11).text(line.text);
  else
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(line.text, { indent: line.kind === 'bullet' ? 12 : 0 })
      .moveDown(0.3);
}
