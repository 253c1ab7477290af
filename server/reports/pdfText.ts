/**
 * Makes arbitrary user text drawable with the PDF standard 14 fonts (Helvetica & co.).
 *
 * pdfkit encodes standard fonts as WinAnsi: Latin-1 plus a handful of extra glyphs. Anything
 * else (emoji, CJK, most symbols) would come out as a wrong glyph or an empty box, so it is
 * replaced with a safe equivalent, stripped of diacritics, or dropped.
 */

/** Typographic characters mapped to plain ASCII so they render and copy/search cleanly. */
const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '-',
  '\u00B7': '-',
  '\u2023': '-',
  '\u25CF': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u21D2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u00A0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\t': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
};

/** Extra (non Latin-1) code points WinAnsi can still draw. */
const WIN_ANSI_EXTRA = new Set(
  [0x20ac, 0x0192, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x02dc]
    .concat([0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178])
    .map((c) => String.fromCodePoint(c)),
);

/** Emoji parts: pictographs, flags, skin tones, variation selectors, joiners, keycaps, tags. */
const EMOJI_PART = [
  '(?![\\u{A9}\\u{AE}\\u{2122}])\\p{Extended_Pictographic}',
  '\\p{Regional_Indicator}',
  '\\p{Emoji_Modifier}',
  '\\u{FE0E}',
  '\\u{FE0F}',
  '\\u{200D}',
  '\\u{20E3}',
  '[\\u{E0020}-\\u{E007F}]',
].join('|');
/** Emoji with the spaces before them, so "cepat \u{1F44D}." becomes "cepat.". */
const EMOJI = new RegExp(`[ \\t]*(?:${EMOJI_PART})+`, 'gu');
const INVISIBLE = /[\u{200B}\u{200C}\u{2060}\u{FEFF}\u{00AD}]/gu;
const COMBINING = /\p{M}+/gu;

function drawable(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (ch === '\n') return true;
  if (cp >= 0x20 && cp <= 0x7e) return true;
  if (cp >= 0xa1 && cp <= 0xff) return true;
  return WIN_ANSI_EXTRA.has(ch);
}

function convertChar(ch: string): string {
  const mapped = REPLACEMENTS[ch];
  if (mapped !== undefined) return mapped;
  if (drawable(ch)) return ch;
  // "ş" -> "s", "ǎ" -> "a": keep the base letter when the accent is what cannot be drawn.
  const base = ch.normalize('NFD').replace(COMBINING, '');
  if (base.length > 0 && [...base].every(drawable)) return base;
  return '?';
}

/** Returns text that the standard PDF fonts can draw, keeping line breaks. */
export function toPdfSafeText(input: string): string {
  const text = input
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(EMOJI, '')
    .replace(INVISIBLE, '');
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Remaining control characters (other than newline) are dropped.
    if ((cp < 0x20 && ch !== '\n' && ch !== '\t') || (cp >= 0x7f && cp < 0xa0)) continue;
    out += convertChar(ch);
  }
  // Emoji removal can leave doubled or trailing spaces.
  return out.replace(/ {2,}/g, ' ').replace(/ +\n/g, '\n').trim();
}
