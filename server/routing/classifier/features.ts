/**
 * Hashed sparse features: stemmed word unigrams, stemmed bigrams and character n-grams (3-4 by
 * default) of the surface tokens (typos, run-together words, regional spellings). Each group
 * gets sublinear term frequency (1 + ln tf), is L2-normalized on its own and scaled by a group
 * weight, so a long letter that mentions another topic once still weighs that mention far below
 * its main topic.
 */
import type { Analysis } from './normalize';
import { PLACE_PREFIX } from './places';

export interface FeatureConfig {
  /** Number of hash buckets (a power of two). */
  buckets: number;
  charMin: number;
  charMax: number;
  wordWeight: number;
  bigramWeight: number;
  charWeight: number;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  buckets: 1 << 17,
  charMin: 3,
  charMax: 4,
  wordWeight: 1,
  bigramWeight: 0.6,
  charWeight: 1,
};

export const GROUP_WORD = 0;
export const GROUP_BIGRAM = 1;
export const GROUP_CHAR = 2;

/** Sparse vector; `origin` is the token index that produced each entry (for explanations). */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
  origin: Int32Array;
  group: Uint8Array;
  /** Sum of the values (used by complement naive Bayes for unseen features). */
  l1: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv(s: string, seed: number, from = 0, to = s.length): number {
  let h = seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  // Final avalanche so that nearby strings spread over the low bits used as bucket index.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

const SEED_WORD = fnv('w', FNV_OFFSET);
const SEED_BIGRAM = fnv('b', FNV_OFFSET);
const SEED_CHAR = fnv('c', FNV_OFFSET);

interface Caches {
  /** Unmasked 32-bit hash of each stem (bigrams combine two of these). */
  word: Map<string, number>;
  chars: Map<string, Int32Array>;
}
const caches = new Map<string, Caches>();
const CACHE_LIMIT = 200_000;

function cachesFor(cfg: FeatureConfig): Caches {
  const key = `${cfg.buckets}:${cfg.charMin}:${cfg.charMax}`;
  let c = caches.get(key);
  if (!c) {
    c = { word: new Map(), chars: new Map() };
    caches.set(key, c);
  }
  return c;
}

function charBuckets(token: string, cfg: FeatureConfig, c: Caches): Int32Array {
  const hit = c.chars.get(token);
  if (hit) return hit;
  const s = `<${token}>`;
  const mask = cfg.buckets - 1;
  const out: number[] = [];
  for (let n = cfg.charMin; n <= cfg.charMax; n++) {
    for (let i = 0; i + n <= s.length; i++) out.push(fnv(s, SEED_CHAR, i, i + n) & mask);
    if (n >= s.length) break;
  }
  const arr = Int32Array.from(out);
  if (c.chars.size >= CACHE_LIMIT) c.chars.clear();
  c.chars.set(token, arr);
  return arr;
}

function wordHash(stem: string, c: Caches): number {
  const hit = c.word.get(stem);
  if (hit !== undefined) return hit;
  const h = fnv(stem, SEED_WORD);
  if (c.word.size >= CACHE_LIMIT) c.word.clear();
  c.word.set(stem, h);
  return h;
}

function bigramBucket(h1: number, h2: number, mask: number): number {
  let h = Math.imul(h1 ^ SEED_BIGRAM, 0x9e3779b1) ^ h2;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) & mask;
}

/**
 * Per-text counting in a small open-addressing table (bucket -> count, first token), which stays
 * in cache, unlike an array over all buckets. It is reused between calls and grows as needed.
 */
class Scratch {
  keys = new Int32Array(4096).fill(-1);
  counts = new Float32Array(4096);
  first = new Int32Array(4096);
  /** Slots in use, in insertion order. */
  used = new Int32Array(2048);
  n = 0;
  idx = new Int32Array(8192);
  val = new Float32Array(8192);
  origin = new Int32Array(8192);
  group = new Uint8Array(8192);
  len = 0;
  l1 = 0;

  add(bucket: number, token: number): void {
    const mask = this.keys.length - 1;
    let slot = bucket; // buckets are already uniformly hashed
    for (;;) {
      slot &= mask;
      const k = this.keys[slot] as number;
      if (k === bucket) {
        this.counts[slot] = (this.counts[slot] as number) + 1;
        return;
      }
      if (k === -1) break;
      slot++;
    }
    this.keys[slot] = bucket;
    this.counts[slot] = 1;
    this.first[slot] = token;
    this.used[this.n++] = slot;
    if (this.n * 2 >= this.keys.length) this.rehash();
  }

  private rehash(): void {
    const old = { keys: this.keys, counts: this.counts, first: this.first, used: this.used };
    const size = this.keys.length * 2;
    this.keys = new Int32Array(size).fill(-1);
    this.counts = new Float32Array(size);
    this.first = new Int32Array(size);
    this.used = new Int32Array(size / 2);
    const n = this.n;
    this.n = 0;
    for (let i = 0; i < n; i++) {
      const from = old.used[i] as number;
      const bucket = old.keys[from] as number;
      let slot = bucket; // buckets are already uniformly hashed
      for (;;) {
        slot &= size - 1;
        if (this.keys[slot] === -1) break;
        slot++;
      }
      this.keys[slot] = bucket;
      this.counts[slot] = old.counts[from] as number;
      this.first[slot] = old.first[from] as number;
      this.used[this.n++] = slot;
    }
  }

  /** Counted buckets -> output: sublinear tf, L2 norm, group weight; then clear the table. */
  flush(weight: number, group: number): void {
    const { counts, used, n } = this;
    let sumsq = 0;
    for (let i = 0; i < n; i++) {
      const slot = used[i] as number;
      const v = 1 + Math.log(counts[slot] as number);
      counts[slot] = v;
      sumsq += v * v;
    }
    while (this.len + n > this.idx.length) {
      this.idx = grow(this.idx, Int32Array);
      this.val = grow(this.val, Float32Array);
      this.origin = grow(this.origin, Int32Array);
      this.group = grow(this.group, Uint8Array);
    }
    const scale = sumsq > 0 ? weight / Math.sqrt(sumsq) : 0;
    let len = this.len;
    for (let i = 0; i < n; i++) {
      const slot = used[i] as number;
      const v = (counts[slot] as number) * scale;
      this.idx[len] = this.keys[slot] as number;
      this.val[len] = v;
      this.origin[len] = this.first[slot] as number;
      this.group[len] = group;
      this.l1 += v;
      this.keys[slot] = -1;
      len++;
    }
    this.len = len;
    this.n = 0;
  }
}

type Typed = Int32Array | Float32Array | Uint8Array;
function grow<T extends Typed>(a: T, Make: new (n: number) => T): T {
  const b = new Make(a.length * 2);
  b.set(a);
  return b;
}

const scratch = new Scratch();

export function featurize(a: Analysis, cfg: FeatureConfig): SparseVector {
  const s = scratch;
  s.len = 0;
  s.l1 = 0;
  const c = cachesFor(cfg);
  const mask = cfg.buckets - 1;
  const { stems, tokens } = a;
  const hashes = new Int32Array(stems.length);
  for (let i = 0; i < stems.length; i++) hashes[i] = wordHash(stems[i] as string, c);
  if (cfg.wordWeight > 0) {
    for (let i = 0; i < hashes.length; i++) s.add((hashes[i] as number) & mask, i);
    s.flush(cfg.wordWeight, GROUP_WORD);
  }
  if (cfg.bigramWeight > 0) {
    for (let i = 0; i + 1 < hashes.length; i++) {
      s.add(bigramBucket(hashes[i] as number, hashes[i + 1] as number, mask), i);
    }
    s.flush(cfg.bigramWeight, GROUP_BIGRAM);
  }
  if (cfg.charWeight > 0) {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      if (token.startsWith(PLACE_PREFIX)) continue; // place markers: a word feature only
      const grams = charBuckets(token, cfg, c);
      for (let j = 0; j < grams.length; j++) s.add(grams[j] as number, i);
    }
    s.flush(cfg.charWeight, GROUP_CHAR);
  }
  return {
    idx: s.idx.slice(0, s.len),
    val: s.val.slice(0, s.len),
    origin: s.origin.slice(0, s.len),
    group: s.group.slice(0, s.len),
    l1: s.l1,
  };
}
