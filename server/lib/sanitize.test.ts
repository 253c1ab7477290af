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
