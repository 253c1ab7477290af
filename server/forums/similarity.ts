/**
 * Similar-input suggestions while a citizen types: the forum's published inputs that say the same
 * thing, so the citizen can upvote one instead of posting a duplicate.
 *
 * One text pipeline with routing (server/routing/classifier/normalize.ts): abbreviations, regional
 * words and the many spellings of one name are unified ("KTP elektronik", "KTP-el", "e-KTP" and
 * "kartu tanda penduduk" are all `ktp`), greetings, stop words, addresses and names are dropped,
 * and words are stemmed. Texts are compared by the cosine of their tf-idf vectors over those stems,
 * with the document frequencies of the candidates: words that many inputs of the forum share count
 * less than the specific ones.
 */
import { analyze } from '../routing/classifier/normalize';
import { PLACE_PREFIX } from '../routing/classifier/places';

const stemCache = new Map<string, string[]>();
const CACHE_LIMIT = 10_000;

/** Routing stems of a text, place markers left out (cached: candidates are compared often). */
export function similarityStems(text: string): string[] {
  const hit = stemCache.get(text);
  if (hit) return hit;
  const stems = analyze(text).stems.filter((s) => !s.startsWith(PLACE_PREFIX));
  if (stemCache.size >= CACHE_LIMIT) stemCache.clear();
  stemCache.set(text, stems);
  return stems;
}

/** The distinct stems of a text. */
export function stemTokens(text: string): Set<string> {
  return new Set(similarityStems(text));
}

type Vector = Map<string, number>;

function termFrequencies(stems: readonly string[]): Vector {
  const tf: Vector = new Map();
  for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
  return tf;
}

function weigh(tf: Vector, idf: (term: string) => number): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [term, n] of tf) {
    const w = (1 + Math.log(n)) * idf(term);
    v.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of v) v.set(term, w / norm);
  return v;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}

/** The candidates most similar to `text`, best first, above `min` (tf-idf cosine, 0..1). */
export function mostSimilar<T extends { text: string }>(
  text: string,
  candidates: T[],
  limit = 5,
  min = 0.3,
): { item: T; score: number }[] {
  const query = termFrequencies(similarityStems(text));
  if (query.size === 0 || candidates.length === 0) return [];
  const docs = candidates.map((item) => ({
    item,
    tf: termFrequencies(similarityStems(item.text)),
  }));
  const df = new Map<string, number>();
  for (const d of docs) for (const term of d.tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  const idf = (term: string) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
  const q = weigh(query, idf);
  return docs
    .map((d) => ({ item: d.item, score: cosine(q, weigh(d.tf, idf)) }))
    .filter((r) => r.score >= min)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}
