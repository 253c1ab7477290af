import { describe, expect, it } from 'vitest';
import { CsvParseError, parseCsv, writeCsv } from './csv';

describe('parseCsv', () => {
  it('parses plain records', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts LF and CR line ends and no final line end', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('handles quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'name,note\r\n"Dinas, Kota","kata ""gratis"""\r\n"baris\r\nkedua","a\nb"\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['Dinas, Kota', 'kata "gratis"'],
      ['baris\r\nkedua', 'a\nb'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c\n,,\nx,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
      ['x', ''],
    ]);
    expect(parseCsv('""')).toEqual([['']]);
  });

  it('keeps whitespace and a stray quote inside an unquoted field', () => {
    expect(parseCsv(' a ,5" pipa')).toEqual([[' a ', '5" pipa']]);
  });

  it('drops a leading byte-order mark', () => {
    expect(parseCsv('\uFEFFcode,name\n1,2')).toEqual([
      ['code', 'name'],
      ['1', '2'],
    ]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });

  it('returns no records for empty text and keeps blank lines as one empty field', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('supports another delimiter', () => {
    expect(parseCsv('a;"b;c"\n1;2', { delimiter: ';' })).toEqual([
      ['a', 'b;c'],
      ['1', '2'],
    ]);
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow(TypeError);
  });

  it('reports an unterminated quote with its line', () => {
    const err = (() => {
      try {
        parseCsv('a,b\n1,2\n3,"open\nstill open');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(CsvParseError);
    expect((err as CsvParseError).line).toBe(3);
    expect((err as CsvParseError).record).toBe(3);
    expect((err as CsvParseError).message).toContain('tidak pernah ditutup');
  });

  it('reports text after a closing quote', () => {
    expect(() => parseCsv('"abc"def,1')).toThrow(CsvParseError);
    expect(() => parseCsv('x\n"ab"c')).toThrow(/baris 2/);
  });
});

describe('writeCsv', () => {
  it('quotes only when needed and ends records with CRLF', () => {
    expect(writeCsv([['a', 'b,c', 'say "hi"', 'x\ny', ' sp ']])).toBe(
      'a,"b,c","say ""hi""","x\ny", sp \r\n',
    );
  });

  it('supports LF, a BOM and another delimiter', () => {
    expect(writeCsv([['a;b', 'c,d']], { delimiter: ';', lineEnding: '\n', bom: true })).toBe(
      '\uFEFF"a;b";c,d\n',
    );
  });

  it('round-trips awkward values', () => {
    const records = [
      ['code', 'text', 'empty'],
      ['"', '""', ''],
      ['a,b', 'line1\r\nline2\rline3\nline4', ','],
      ['ünïcödé — ✓', '  padded  ', '"quoted, with comma"'],
      [''],
    ];
    expect(parseCsv(writeCsv(records))).toEqual(records);
    expect(parseCsv(writeCsv(records, { bom: true, lineEnding: '\n' }))).toEqual(records);
    expect(parseCsv(writeCsv(records, { delimiter: '\t' }), { delimiter: '\t' })).toEqual(records);
  });
});
