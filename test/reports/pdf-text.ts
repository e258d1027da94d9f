/**
 * The text an uncompressed pdfkit PDF draws, run together. pdfkit writes
 * each run of its standard fonts as a hex string of WinAnsi bytes, split
 * where it kerns, so joining every hex string gives back each line's text
 * (lines and cells follow each other with no space between).
 */
export function pdfDrawnText(pdf: Buffer): string {
  const hexStrings = pdf.toString('latin1').match(/<([0-9a-f]+)>/g) ?? [];
  return hexStrings.map((hex) => Buffer.from(hex.slice(1, -1), 'hex').toString('latin1')).join('');
}

/** How many pages the PDF has, by its page objects. */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}
