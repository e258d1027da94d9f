const TWO_TO_32 = 2 ** 32;

/** Writes into a buffer of fixed size; whoever writes checks that it fits. */
export class BinaryWriter {
  private readonly buffer: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  fits(bytes: number): boolean {
    return this.length + bytes <= this.buffer.length;
  }

  int16(value: number): void {
    this.length = this.buffer.writeInt16BE(value, this.length);
  }

  int32(value: number): void {
    this.length = this.buffer.writeInt32BE(value, this.length);
  }

  /** A 64-bit integer given as a safe JavaScript integer. */
  int64(value: number): void {
    const high = Math.floor(value / TWO_TO_32);
    this.length = this.buffer.writeInt32BE(high, this.length);
    this.length = this.buffer.writeUInt32BE(value - high * TWO_TO_32, this.length);
  }

  bigInt64(value: bigint): void {
    this.length = this.buffer.writeBigInt64BE(value, this.length);
  }

  byte(value: number): void {
    this.buffer[this.length++] = value;
  }

  /**
   * UTF-8 text behind its byte length (at most 3 bytes per UTF-16 unit),
   * after `prefix` when given. ASCII is copied a character at a time: for
   * the short strings of an event that costs less than the call into the
   * encoder, which takes over at the first other character.
   */
  text(value: string, prefix?: number): void {
    const start = this.length;
    let at = start + 4;
    if (prefix !== undefined) this.buffer[at++] = prefix;
    let i = 0;
    for (; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code > 0x7f) break;
      this.buffer[at++] = code;
    }
    if (i < value.length) at += this.buffer.write(value.slice(i), at, 'utf8');
    this.buffer.writeInt32BE(at - start - 4, start);
    this.length = at;
  }

  latin1(value: string): void {
    this.length += this.buffer.write(value, this.length, 'latin1');
  }

  bytes(value: Uint8Array): void {
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  view(start: number, end = this.length): Buffer {
    return this.buffer.subarray(start, end);
  }
}
