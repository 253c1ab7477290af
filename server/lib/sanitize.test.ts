import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText } from './sanitize';

describe('cleanText', () => {
  it('removes tags and script content but keeps the words and line breaks', () => {
    expect(cleanText('Jalan <b>rusak</b><script>alert(1)</script>\nmohon diperbaiki')).toBe(
      'Jalan rusak\nmohon diperbaiki',
    );
  });

  it('does not let entity-encoded tags come back as markup', () => {
    const out = cleanText('&lt;img src=x onerror=alert(1)&gt;halo');
    expect(out).not.toMatch(/<img/i);
    expect(out).toContain('halo');
  });

  it('keeps plain comparisons a citizen may type', () => {
    expect(cleanText('antrian > 3 jam & petugas < 2 orang')).toBe(
      'antrian > 3 jam & petugas < 2 orang',
    );
  });

  it('drops control characters and collapses blank lines', () => {
    expect(cleanText('a\u0000b\u0007c\r\n\r\n\r\n\r\nd  e\t')).toBe('abc\n\nd e');
  });

  it('makes one line of a name', () => {
    expect(cleanLine('  Siti\n<i>Aminah</i> ')).toBe('Siti Aminah');
  });
});

/** Pieces of hostile markup, combined by fast-check into arbitrary inputs. */
const piece = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '&lt;b&gt;',
    '&amp;lt;i&amp;gt;',
    '&#60;script&#62;',
    '<',
    '>',
    '&',
    '"',
    "'",
    '</p>',
    '<br/>',
    '\u0000',
    '\u202e',
    '\n',
    '\r\n',
    '\t',
    ' ',
  ),
  fc.string({ maxLength: 8 }),
  fc.stringMatching(/^[a-z ]{1,10}$/),
);
const hostile = fc.array(piece, { maxLength: 25 }).map((xs) => xs.join(''));
const TAG = /<\/?[a-z!?][^<>]*>/i;
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E]/;

describe('cleanText, for any input (fast-check)', () => {
  it('leaves no tag, no control character, nothing to clean a second time', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ maxLength: 200 })), (s) => {
        const out = cleanText(s);
        expect(out).not.toMatch(TAG);
        expect(out).not.toMatch(CONTROL);
        expect(cleanText(out)).toBe(out);
        expect(out).toBe(out.trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('makes names one line, and keeps plain words as they are', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(cleanLine(s)).not.toMatch(/\n/);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]+( [A-Za-z0-9.,?]+){0,8}$/), (s) => {
        expect(cleanText(s)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});
