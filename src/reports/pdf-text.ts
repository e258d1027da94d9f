/**
 * The PDF uses the standard Helvetica and Courier fonts, which need no font
 * files but only know the WinAnsi character set. pdfkit writes any other
 * character as a wrong multi-byte code that garbles the rest of the line, so
 * text is narrowed first: tabs become spaces and each character outside the
 * set becomes "?". Printing non-Latin text properly would need an embedded
 * Unicode font, which the report does not carry today.
 */

/** The characters above U+00FF that WinAnsi has (0x80-0x9F in the code page). */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function printable(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (char === '\n') return char;
  if (char === '\t') return ' ';
  if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return char;

  return WIN_ANSI_EXTRAS.has(char) ? char : '?';
}

export function pdfSafe(text: string): string {
  return Array.from(text.replace(/\r\n?/g, '\n'), printable).join('');
}
