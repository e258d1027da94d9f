/**
 * Decodes RFC 2047 encoded words (=?charset?B|Q?...?=) in a header value, for
 * reading `.eml` files back in tests; mailparser is not installed. UTF-8 only,
 * which is what nodemailer writes.
 */
const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

function decodeWord(encoding: string, text: string): string {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
  const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes);
}

export function decodeMimeWords(value: string): string {
  // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 section 6.2).
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  return joined.replace(ENCODED_WORD, (_, _charset: string, encoding: string, text: string) =>
    decodeWord(encoding, text),
  );
}

/** The unfolded headers of a raw message, by lower-case name. */
export function readHeaders(eml: string): Map<string, string> {
  const head = eml.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}
