/**
 * Deterministic randomness for the synthetic population: the same seed gives the same clinics,
 * patients, histories and ids. sfc32 seeded through splitmix32 (small, fast, good enough for
 * test data; never for secrets).
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i += 1) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('weighted pick from no weights');
    return last[0];
  }

  /** A standard normal deviate (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** 22 base64url characters, like the server's event ids (`e-` + 22 characters of a token). */
  token22(): string {
    let out = '';
    for (let i = 0; i < 4; i += 1) {
      const n = this.uint32();
      for (let j = 0; j < 6 && out.length < 22; j += 1) out += ALPHABET64.charAt((n >>> (j * 5)) & 63);
    }
    return out;
  }
}

const ALPHABET64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDs (version 4 layout) made of a 32-bit salt, a 28-bit counter and 54 bits from the seed:
 * rows written in generation order land at the right edge of their primary-key indexes instead
 * of at random pages, which is much of what makes a bulk load of millions of rows fast. Each run
 * has its own salt (from the seed and what the database already holds), so runs never collide.
 */
export class IdSource {
  private counter = 0;
  private readonly prefix: string;

  constructor(
    private readonly random: Random,
    salt: number,
  ) {
    this.prefix = (salt >>> 0).toString(16).padStart(8, '0');
  }

  private lastId = '';

  /** The last id given out ('' before the first). */
  get last(): string {
    return this.lastId;
  }

  next(): string {
    this.counter += 1;
    if (this.counter >= 2 ** 28) throw new RangeError('more than 2^28 ids in one run');
    const c = this.counter.toString(16).padStart(7, '0');
    const r1 = this.random.uint32();
    const r2 = this.random.uint32();
    this.lastId = `${this.prefix}-${c.slice(0, 4)}-4${c.slice(4)}-${HEX[0x80 | (r1 & 63)]}${HEX[(r1 >>> 8) & 255]}-${HEX[(r1 >>> 16) & 255]}${HEX[r1 >>> 24]}${HEX[r2 & 255]}${HEX[(r2 >>> 8) & 255]}${HEX[(r2 >>> 16) & 255]}${HEX[r2 >>> 24]}`;
    return this.lastId;
  }
}
