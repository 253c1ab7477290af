/**
 * Indonesian text normalization for complaint routing.
 *
 * Pipeline: mark place names (places.ts) -> lowercase -> strip URLs, e-mails, phone numbers and
 * digits -> tokenize (natural's AggressiveTokenizerId) -> expand informal abbreviations, regional
 * words and name variants -> drop greetings, sign-offs and politeness phrases, unify multi-word
 * names -> drop stop words -> stem (natural's StemmerId, cached).
 *
 * Only the two natural modules that are needed are loaded: the package's index pulls in dotenv,
 * which prints to stdout and would corrupt the JSON-lines output of the classify CLI.
 */
import { createRequire } from 'node:module';
import { ABBREVIATIONS, DROP_PHRASES, DROP_WORDS, KEEP_WORDS } from './lexicon';
import { SYNONYM_PHRASES, SYNONYM_WORDS } from './phrases';
import { PLACE_PREFIX, stripPlaces } from './places';
import { REGIONAL_WORDS } from './regional';

interface NaturalStemmer {
  stem(token: string): string;
}
interface NaturalTokenizer {
  tokenize(text: string): string[];
}

const require = createRequire(import.meta.url);
const stemmerId = require('natural/lib/natural/stemmers/indonesian/stemmer_id') as NaturalStemmer;
const TokenizerId =
  require('natural/lib/natural/tokenizers/aggressive_tokenizer_id') as new () => NaturalTokenizer;
const naturalStopwords = (require('natural/lib/natural/util/stopwords_id') as { words: string[] })
  .words;

const tokenizer = new TokenizerId();

/** Function words removed before features are built (natural's list minus topic words). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...naturalStopwords, ...DROP_WORDS].filter((w) => !KEEP_WORDS.has(w)),
);

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/g;
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE_RE = /(?:\+62|\b62|\b0)[\s.-]?8\d(?:[\s.-]?\d){6,11}\b/g;
/** Informal reduplication written with a 2: "jadi2", "anak2nya". */
const REDUP2_RE = /([a-z]{2,})2(nya)?\b/g;
/** Numbers, with informal suffixes such as "jam 8an" or "2x". */
const DIGITS_RE = /\d+(?:an\b|x\b)?/g;
const DIGIT_RE = /\d/;
const NON_ASCII_RE = /[^\u0020-\u007e\s]/;
const REPEAT_RE = /([a-z])\1{2,}/g;

/** Form labels of portal exports and templates ("Judul:", "Isi:", "Lokasi:", ...). */
const FORM_LABEL_RE =
  /(^|[\s.,;(*_-])(?:judul(?: laporan)?|isi(?: laporan)?|lokasi(?: kejadian)?|alamat|nama|perihal|hal|tanggal|tgl|waktu|kategori|no\.? ?hp|telp|nik)\s*:/gim;

/**
 * Lowercase and remove everything that never carries a topic (form labels, place names, links,
 * contacts, numbers).
 */
export function cleanText(text: string): string {
  const ascii = NON_ASCII_RE.test(text)
    ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    : text;
  const placeless = stripPlaces(ascii);
  let t = (
    placeless.includes(':') ? placeless.replace(FORM_LABEL_RE, '$1 ') : placeless
  ).toLowerCase();
  if (t.includes('http') || t.includes('www.')) t = t.replace(URL_RE, ' ');
  if (t.includes('@')) t = t.replace(EMAIL_RE, ' ');
  if (DIGIT_RE.test(t)) {
    t = t.replace(PHONE_RE, ' ').replace(REDUP2_RE, '$1-$1$2').replace(DIGITS_RE, ' ');
  }
  return t.replace(/[’'`]/g, '').replace(REPEAT_RE, '$1');
}

function splitHyphenated(token: string, out: string[]): void {
  if (!token.includes('-')) {
    out.push(token);
    return;
  }
  const parts = token.split('-').filter((p) => p.length > 0);
  if (parts.length === 0) return;
  // Reduplication ("rumah-rumah", "jadi-jadinya") keeps one copy; compounds ("ktp-el") split.
  const first = parts[0] ?? '';
  if (parts.length === 2 && (parts[1] === first || parts[1] === `${first}nya`)) {
    out.push(first);
    return;
  }
  for (const p of parts) out.push(p);
}

/** Single-word replacements: regional words, then name variants, then abbreviations (which win). */
const WORD_MAP: ReadonlyMap<string, string> = new Map([
  ...Object.entries(REGIONAL_WORDS),
  ...Object.entries(SYNONYM_WORDS),
  ...ABBREVIATIONS,
]);

/** Minang "-nyo" is Indonesian "-nya" (jalannyo, caronyo): the stemmer then removes it. */
const NYO_RE = /(.{3,})nyo$/;

function pushExpanded(raw: string, out: string[]): void {
  const t = raw.endsWith('nyo') ? raw.replace(NYO_RE, '$1nya') : raw;
  const exp = WORD_MAP.get(t);
  if (exp === undefined) out.push(t);
  else if (exp.length > 0) for (const e of exp.split(' ')) out.push(e);
}

function expand(tokens: string[]): string[] {
  const out: string[] = [];
  const pieces: string[] = [];
  for (const raw of tokens) {
    if (!raw.includes('-')) {
      pushExpanded(raw, out);
      continue;
    }
    pieces.length = 0;
    splitHyphenated(raw, pieces);
    for (const t of pieces) pushExpanded(t, out);
  }
  return out;
}

interface Phrase {
  words: string[];
  /** Tokens that replace the phrase (none: the phrase is dropped). */
  with: string[];
}
const PHRASE_FIRST = new Map<string, Phrase[]>();
const phraseList: [string, string][] = [
  ...DROP_PHRASES.map((p): [string, string] => [p, '']),
  ...Object.entries(SYNONYM_PHRASES),
];
for (const [phrase, replacement] of phraseList) {
  const words = phrase.split(' ');
  const head = words[0] ?? '';
  const list = PHRASE_FIRST.get(head) ?? [];
  list.push({ words, with: replacement === '' ? [] : replacement.split(' ') });
  list.sort((a, b) => b.words.length - a.words.length);
  PHRASE_FIRST.set(head, list);
}

/** Drops greetings and politeness formulas and unifies multi-word names (longest match first). */
function replacePhrases(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const candidates = PHRASE_FIRST.get(t);
    let hit: Phrase | undefined;
    if (candidates) {
      hit = candidates.find((p) => p.words.every((w, j) => tokens[i + j] === w));
    }
    if (hit) {
      i += hit.words.length - 1;
      out.push(...hit.with);
    } else out.push(t);
  }
  return out;
}

/**
 * Topic-bearing surface tokens of a text, in order: cleaned, abbreviations expanded, greetings,
 * politeness phrases and stop words removed. Single letters are dropped.
 */
export function tokenize(text: string): string[] {
  const tokens = expand(tokenizer.tokenize(cleanText(text)));
  return replacePhrases(tokens).filter((t) => t.length > 1 && !STOP_WORDS.has(t));
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** Stem an Indonesian word with natural's StemmerId; results are cached (the hot path). */
export function stem(token: string): string {
  const hit = stemCache.get(token);
  if (hit !== undefined) return hit;
  let s = token.length <= 3 || token.startsWith(PLACE_PREFIX) ? token : stemmerId.stem(token);
  if (s.length === 0) s = token;
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(token, s);
  return s;
}

/** Tokens and their stems (same length, same order). */
export interface Analysis {
  tokens: string[];
  stems: string[];
}

export function analyze(text: string): Analysis {
  const tokens = tokenize(text);
  const stems = tokens.map(stem);
  return { tokens, stems };
}

/** Human-readable normalized form: the stems joined by spaces. */
export function normalize(text: string): string {
  return analyze(text).stems.join(' ');
}
