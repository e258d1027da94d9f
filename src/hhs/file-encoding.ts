import iconv from 'iconv-lite';

/**
 * Which character encoding a CSV export is in. Valid UTF-8 is UTF-8.
 * Otherwise it is a single-byte code page, and bytes alone cannot always
 * say which: the first candidate that gives every byte a printable meaning
 * wins (Windows-1252, the usual export encoding, then IBM PC code page 437,
 * which defines all 256 bytes). ISO-8859-1 ("latin-1") is never chosen: it
 * reads bytes 0x80-0x9F as invisible control characters, and where a file
 * has none of them it reads exactly as Windows-1252 does.
 *
 * OCR's archive file is the case in point. It is not UTF-8, and Windows-1252
 * leaves its byte 0x9D undefined. Read as code page 437 its bytes turn into
 * the text of a UTF-8 original that was once misread as Windows-1252 and
 * then saved as code page 437, with `?` for every character 437 lacks:
 * `ï¿½` (U+FFFD's three UTF-8 bytes read as Windows-1252) is bytes 8B A8 AB,
 * and `â€™` (a right single quote) is 83 3F 3F. The accents that original
 * had were lost before the file was made (`Laboratorio Cl??nico`); no
 * decoding brings them back, so breachline reads the text as it stands.
 */

export interface DecodedText {
  text: string;
  /** The iconv-lite name of the encoding read. */
  encoding: string;
  /** Why this encoding, in a sentence for the person running the import. */
  reason: string;
}

/** C1 control characters, and the replacement character iconv-lite gives bytes a code page leaves undefined. */
const UNPRINTABLE = /[\u0080-\u009f\ufffd]/;

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Thrown when an encoding is asked for by name and iconv-lite does not know it. */
export class UnknownEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`Unknown encoding "${encoding}": use a name iconv-lite knows, such as utf-8, windows-1252, cp437 or latin1`);
    this.name = 'UnknownEncodingError';
  }
}

/** Decodes a file's bytes, in `encoding` when given, otherwise in the encoding detected as described above. */
export function decodeText(bytes: Buffer, encoding?: string): DecodedText {
  if (encoding !== undefined) {
    if (!iconv.encodingExists(encoding)) throw new UnknownEncodingError(encoding);
    return { text: iconv.decode(bytes, encoding), encoding, reason: 'as asked' };
  }

  if (isUtf8(bytes)) return { text: iconv.decode(bytes, 'utf-8'), encoding: 'utf-8', reason: 'valid UTF-8' };

  const windows1252 = iconv.decode(bytes, 'windows-1252');
  if (!UNPRINTABLE.test(windows1252)) return { text: windows1252, encoding: 'windows-1252', reason: 'not UTF-8' };

  return {
    text: iconv.decode(bytes, 'cp437'),
    encoding: 'cp437',
    reason: 'not UTF-8, and Windows-1252 leaves some of its bytes undefined',
  };
}
