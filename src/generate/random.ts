/**
 * The generator's only source of randomness. Every stream is derived from the
 * seed plus a label path (`seed / "day" / 3 / "stf-0012"`), so one user's day
 * comes out the same whatever else is generated around it: turning a scenario
 * on or off does not reshuffle the baseline traffic.
 *
 * The algorithm is xoshiro128** (Blackman and Vigna, 2018), seeded from the
 * 128-bit cyrb128 string hash; both are small, public-domain and well known,
 * so no dependency is needed for byte-identical output across runs.
 */

/** cyrb128 (bryc): four independent 32-bit words from one string. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;

  return [h1 >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export class Random {
  private readonly s: Uint32Array;

  private constructor(state: [number, number, number, number]) {
    // An all-zero state would emit zeros forever; the hash makes it a 2^-128 chance, but guard it anyway.
    this.s = Uint32Array.from(state.every((word) => word === 0) ? [1, 0, 0, 0] : state);
  }

  /** A stream for one purpose, named by the seed and a label path. */
  static for(seed: string, ...path: (string | number)[]): Random {
    return new Random(hash128([seed, ...path].join('/')));
  }

  /** The next 32 random bits, as an unsigned integer. */
  uint32(): number {
    const s = this.s as unknown as [number, number, number, number];
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);

    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');

    return item;
  }

  /** One key of `weights`, chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }

    return this.pick(entries)[0];
  }

  /** Exponentially distributed with the given mean: waiting times between independent events. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** `count` distinct items of `items`, by a partial Fisher-Yates shuffle of a copy. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const take = Math.min(count, pool.length);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    }

    return pool.slice(0, take);
  }

  /** A v4-format UUID (RFC 9562 version and variant bits) made from this stream. */
  uuid(): string {
    const bytes: number[] = [];
    for (let word = 0; word < 4; word++) {
      const bits = this.uint32();
      bytes.push(bits >>> 24, (bits >>> 16) & 0xff, (bits >>> 8) & 0xff, bits & 0xff);
    }
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.map((byte) => HEX[byte] ?? '00').join('');

    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** A short lowercase token for synthetic resource ids. */
  token(length: number): string {
    let text = '';
    while (text.length < length) text += this.uint32().toString(36);

    return text.slice(0, length);
  }
}

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}
