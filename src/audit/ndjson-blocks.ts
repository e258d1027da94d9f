import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;
const BLOCK_BYTES = 1 << 20;

/**
 * An NDJSON file as blocks of about a megabyte, each ending at a line end
 * (the last one wherever the file does). A newline byte never occurs inside
 * a multi-byte UTF-8 character, so every block decodes on its own.
 */
export async function* ndjsonBlocks(path: string): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const read of createReadStream(path, { highWaterMark: BLOCK_BYTES })) {
    const bytes = rest.length > 0 ? Buffer.concat([rest, read as Buffer]) : (read as Buffer);
    const end = bytes.lastIndexOf(NEWLINE) + 1;
    rest = Buffer.from(bytes.subarray(end));
    if (end > 0) yield bytes.subarray(0, end);
  }
  if (rest.length > 0) yield rest;
}
