import sanitizeHtml from 'sanitize-html';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&nbsp;': ' ',
};

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|nbsp|#39|#x27);/g, (m) => ENTITIES[m] ?? m);
}

function strip(s: string): string {
  return decode(
    sanitizeHtml(s, {
      allowedTags: [],
      allowedAttributes: {},
      disallowedTagsMode: 'discard',
      nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'template'],
    }),
  );
}

// C0/C1 control characters except tab and newline, zero-width and bidi override characters.
const CONTROL = new RegExp(
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]',
  'g',
);

/**
 * Turns what a person typed into plain text: no tags (also none that were entity-encoded),
 * no control characters, line breaks kept (at most one blank line in a row), trimmed.
 */
export function cleanText(input: string): string {
  // Control characters go first: a NUL inside `<\0script` must not hide a tag from the parser.
  let s = input.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '');
  s = s.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>/gi, '\n');
  // Until nothing changes: entity-encoded markup (`&amp;lt;b&amp;gt;`) surfaces one level per
  // pass. A text still changing after that many passes loses every `<` that could open a tag.
  let stable = false;
  for (let i = 0; i < 8 && !stable; i += 1) {
    const next = strip(s);
    stable = next === s;
    s = next;
  }
  if (!stable) s = s.replace(/<(?=[a-zA-Z!?/])/g, '');
  return s
    .replace(CONTROL, '')
    .replace(/\t/g, ' ')
    .replace(/[ \u00A0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[ \u00A0]{2,}/g, ' ')
    .trim();
}

/** A one-line text (names, titles): cleaned, with line breaks turned into spaces. */
export function cleanLine(input: string): string {
  return cleanText(input).replace(/\s*\n\s*/g, ' ');
}
