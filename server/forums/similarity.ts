import natural from '../lib/natural';

const STOP = new Set(
  'yang dan di ke dari untuk dengan ini itu ada tidak pada juga sudah akan saya kami kita mereka bapak ibu pak bu mohon tolong agar bisa dalam atau karena sangat lebih sekali'.split(
    ' ',
  ),
);

const stemCache = new Map<string, string>();

/** Lowercased, stemmed content tokens of a text (Indonesian stemmer from natural). */
export function stemTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
    if (STOP.has(raw)) continue;
    let stem = stemCache.get(raw);
    if (stem === undefined) {
      stem = natural.StemmerId.stem(raw);
      if (stemCache.size > 50_000) stemCache.clear();
      stemCache.set(raw, stem);
    }
    if (stem.length >= 3 && !STOP.has(stem)) out.add(stem);
  }
  return out;
}

/** Cosine similarity of two token sets. */
export function setSimilarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common += 1;
  return common / Math.sqrt(a.size * b.size);
}

/** The candidates most similar to `text`, best first, above `min`. */
export function mostSimilar<T extends { text: string }>(
  text: string,
  candidates: T[],
  limit = 5,
  min = 0.3,
): { item: T; score: number }[] {
  const q = stemTokens(text);
  return candidates
    .map((item) => ({ item, score: setSimilarity(q, stemTokens(item.text)) }))
    .filter((r) => r.score >= min)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}
