import { describe, expect, it } from 'vitest';
import {
  EXPORT_COLUMNS,
  inputsToCsv,
  inputsToJson,
  MASK,
  scrubPersonalData,
  type ExportRow,
} from './exports';

/** Minimal RFC 4180 parser, enough to round-trip what inputsToCsv writes. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted && ch === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

function row(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    id: 'in_001',
    createdAt: new Date('2025-05-14T02:15:00Z'),
    kind: 'Pengaduan',
    text: 'Antrean terlalu panjang',
    votes: 12,
    status: 'Dijawab',
    answered: true,
    sector: 'Administrasi kependudukan',
    serviceCode: 'ADM-KTP',
    uppName: 'Kecamatan Cibinong',
    replies: [],
    ...overrides,
  };
}

describe('scrubPersonalData', () => {
  it.each([
    ['Hubungi 0812 3456 7890 ya', 'Hubungi [disamarkan] ya'],
    ['WA: 0812-3456-7890.', 'WA: [disamarkan].'],
    ['nomor saya +62 812-3456-7890', 'nomor saya [disamarkan]'],
    ['+6281234567890 (WA)', '[disamarkan] (WA)'],
    ['telp 6281234567890', 'telp [disamarkan]'],
    ['kantor (021) 555-1234', 'kantor [disamarkan]'],
    ['surel budi.santoso+fkp@mail.co.id saja', 'surel [disamarkan] saja'],
    ['NIK 3201021205900001 milik saya', 'NIK [disamarkan] milik saya'],
    ['NIK: 32.01.02.120590.0001', 'NIK: [disamarkan]'],
    ['nomor 3201021205900001', 'nomor [disamarkan]'],
    ['No. KK 3201 0212 0590 0001', 'No. KK [disamarkan]'],
    ['rekening 0123456789012', 'rekening [disamarkan]'],
  ])('masks %j', (input, expected) => {
    expect(scrubPersonalData(input)).toBe(expected);
  });

  it.each([
    'Antrean dibuka pukul 08.00 - 10.00 WIB',
    'Biaya calo Rp 1.500.000 dan Rp 62.500.000',
    'Sudah menunggu sejak tahun 2023 2024',
    'Kuota 40 orang, nomor antrean 045',
  ])('leaves ordinary numbers alone: %j', (input) => {
    expect(scrubPersonalData(input)).toBe(input);
  });
});

describe('inputsToCsv', () => {
  it('writes a BOM, a header row and CRLF line endings', () => {
    const csv = inputsToCsv([row(), row({ id: 'in_002' })]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(lines).toHaveLength(4); // header, two rows, trailing empty string
    expect(lines[3]).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[1]).toBe(
      'in_001,2025-05-14T02:15:00.000Z,Pengaduan,Antrean terlalu panjang,12,Dijawab,true,' +
        'Administrasi kependudukan,ADM-KTP,Kecamatan Cibinong,',
    );
  });

  it('quotes commas, quotes and newlines as RFC 4180 requires', () => {
    const text = 'Petugas bilang "besok saja", lalu\npulang; aneh';
    const csv = inputsToCsv([row({ text, replies: ['satu', 'dua, "tiga"'], sector: null })]);
    expect(csv).toContain('"Petugas bilang ""besok saja"", lalu\npulang; aneh"');
    const [, parsed] = parseCsv(csv.slice(1));
    expect(parsed?.[3]).toBe(text);
    expect(parsed?.[7]).toBe('');
    expect(parsed?.[10]).toBe('satu\ndua, "tiga"');
  });

  it('neutralises spreadsheet formulas', () => {
    const cells = ['=HYPERLINK("http://x","klik")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'];
    const parsed = parseCsv(inputsToCsv(cells.map((text) => row({ text }))).slice(1));
    expect(parsed.slice(1).map((r) => r[3])).toEqual(cells.map((c) => `'${c}`));
    const csv = inputsToCsv([row({ kind: '=cmd', uppName: '@upp', text: 'aman = ya' })]);
    const [, first] = parseCsv(csv.slice(1));
    expect([first?.[2], first?.[3], first?.[9]]).toEqual(["'=cmd", 'aman = ya', "'@upp"]);
  });

  it('scrubs the text and the replies', () => {
    const csv = inputsToCsv([row({ text: 'WA 0812 3456 7890', replies: ['email a@b.id'] })]);
    expect(csv).not.toContain('0812');
    expect(csv).not.toContain('a@b.id');
    expect(csv.split(MASK)).toHaveLength(3);
  });
});

describe('no personal data columns', () => {
  const leaky = {
    ...row({ text: 'Mohon ditindaklanjuti' }),
    authorName: 'Siti Aminah',
    email: 'siti@example.id',
    participantId: 'p_8f3a2c',
    phone: '081234567890',
  };

  it('has no column for a person (uppName is the service unit)', () => {
    const personal = EXPORT_COLUMNS.filter((c) =>
      /name|nama|email|author|participant|phone/i.test(c),
    );
    expect(personal).toEqual(['uppName']);
  });

  it('drops unknown properties instead of passing them through', () => {
    const csv = inputsToCsv([leaky]);
    const json = inputsToJson([leaky]);
    for (const out of [csv, json]) {
      for (const secret of ['Siti Aminah', 'siti@example.id', 'p_8f3a2c', '081234567890']) {
        expect(out).not.toContain(secret);
      }
    }
    const parsed = JSON.parse(json) as Record<string, unknown>[];
    expect(Object.keys(parsed[0] ?? {})).toEqual([...EXPORT_COLUMNS]);
    expect(parseCsv(csv.slice(1))[1]).toHaveLength(EXPORT_COLUMNS.length);
  });
});

describe('inputsToJson', () => {
  it('writes ISO dates, booleans, nulls and reply arrays', () => {
    const parsed = JSON.parse(
      inputsToJson([row({ serviceCode: null, replies: ['NIK 3201021205900001'] })]),
    ) as Record<string, unknown>[];
    expect(parsed[0]).toMatchObject({
      createdAt: '2025-05-14T02:15:00.000Z',
      answered: true,
      serviceCode: null,
      votes: 12,
      replies: ['NIK [disamarkan]'],
    });
    expect(inputsToJson([])).toBe('[]\n');
  });
});
