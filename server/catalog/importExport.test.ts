import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ServiceCatalog, type ServiceInput } from '../../shared/schemas/catalog';
import { parseCsv, writeCsv } from './csv';
import {
  CATALOG_CSV_COLUMNS,
  exportCatalogCsv,
  exportCatalogJson,
  parseCatalogCsv,
  parseCatalogJson,
} from './importExport';

const servicesText = readFileSync(new URL('./data/services.json', import.meta.url), 'utf8');
const services = ServiceCatalog.parse(JSON.parse(servicesText));

function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Services with awkward values: nulls, empty lists, quotes, commas and line breaks. */
function awkwardServices(): ServiceInput[] {
  const [a, b, c] = clone(services.slice(0, 3)) as [ServiceInput, ServiceInput, ServiceInput];
  a.standard.responseTime = null;
  a.standard.fee = 'Gratis, "tanpa" pungutan;\nlihat Perda';
  a.standard.requirements = [];
  b.code = 'KRJ-0000-99';
  b.stage = 'KRJ';
  b.ralCode = null;
  b.ralName = null;
  b.keywords = [];
  b.standard.procedure = ['Satu langkah, dengan koma', 'Dua "kutip"', 'Tiga\r\nbaris'];
  c.standard.completionTime = 'spasi  ganda di tengah tetap,\tdan tab';
  c.standard.responseTime = { value: 365, unit: 'hours' };
  return [a, b, c];
}

/** CSV of the given services with some cells replaced: edits[rowIndex][column] = value. */
function csvWith(base: ServiceInput[], edits: Record<number, Record<string, string>>): string {
  const records = parseCsv(exportCatalogCsv(base));
  const header = records[0] ?? [];
  for (const [rowIndex, cells] of Object.entries(edits)) {
    const record = records[Number(rowIndex) + 1];
    if (!record) throw new Error(`no row ${rowIndex}`);
    for (const [column, value] of Object.entries(cells)) {
      record[header.indexOf(column)] = value;
    }
  }
  return writeCsv(records);
}

describe('exportCatalogCsv', () => {
  it('writes the header and one row per service, lists joined with " | "', () => {
    const records = parseCsv(exportCatalogCsv(services));
    expect(records[0]).toEqual([...CATALOG_CSV_COLUMNS]);
    expect(records).toHaveLength(services.length + 1);
    const first = Object.fromEntries(CATALOG_CSV_COLUMNS.map((c, i) => [c, records[1]?.[i]]));
    const s = services[0]!;
    expect(first.keywords).toBe(s.keywords.join(' | '));
    expect(first.requirements).toBe(s.standard.requirements.join(' | '));
    expect(first.response_value).toBe(String(s.standard.responseTime?.value));
    expect(first.response_unit).toBe(s.standard.responseTime?.unit);
  });

  it('writes null RAL and response time as empty cells', () => {
    const [a, b] = awkwardServices();
    const records = parseCsv(exportCatalogCsv([a!, b!]));
    const col = (c: string) => CATALOG_CSV_COLUMNS.indexOf(c as never);
    expect(records[1]?.[col('response_value')]).toBe('');
    expect(records[1]?.[col('response_unit')]).toBe('');
    expect(records[2]?.[col('ral_code')]).toBe('');
    expect(records[2]?.[col('ral_name')]).toBe('');
  });
});

describe('CSV round trip', () => {
  it('gives back the whole catalog unchanged', () => {
    const result = parseCatalogCsv(exportCatalogCsv(services));
    expect(result.rejected).toEqual([]);
    expect(result.valid).toEqual(services);
  });

  it('gives back awkward values unchanged, with or without a BOM', () => {
    const input = awkwardServices();
    for (const bom of [false, true]) {
      const result = parseCatalogCsv(exportCatalogCsv(input, { bom }));
      expect(result.rejected).toEqual([]);
      expect(result.valid).toEqual(input);
    }
  });

  it('is stable: export -> import -> export gives the same text', () => {
    const text = exportCatalogCsv(services);
    expect(exportCatalogCsv(parseCatalogCsv(text).valid)).toBe(text);
  });
});

describe('JSON round trip', () => {
  it('gives back the whole catalog unchanged', () => {
    const result = parseCatalogJson(exportCatalogJson(services));
    expect(result.rejected).toEqual([]);
    expect(result.valid).toEqual(services);
  });

  it('gives back awkward values unchanged', () => {
    const input = awkwardServices();
    expect(parseCatalogJson(exportCatalogJson(input))).toEqual({ valid: input, rejected: [] });
  });

  it('exports services.json byte for byte', () => {
    expect(exportCatalogJson(services)).toBe(servicesText);
  });

  it('exports keys in canonical order whatever the input order', () => {
    const s = services[0]!;
    const shuffled = Object.fromEntries(Object.entries(s).reverse()) as ServiceInput;
    expect(exportCatalogJson([shuffled])).toBe(exportCatalogJson([s]));
  });
});

describe('parseCatalogCsv rejects bad rows and keeps good ones', () => {
  const base = services.slice(0, 8);

  it('names the field and the bad value', () => {
    const text = csvWith(base, {
      1: { sector: 'kesehatann' },
      3: { code: 'idn-123-1' },
      4: { response_value: 'tiga' },
      5: { response_unit: 'menit' },
      6: { name: '   ' },
    });
    const result = parseCatalogCsv(text);
    expect(result.valid.map((s) => s.code)).toEqual([0, 2, 7].map((i) => base[i]!.code));
    expect(result.rejected).toEqual([
      {
        row: 3,
        code: base[1]!.code,
        errors: [
          "kolom sector: nilai 'kesehatann' tidak dikenal (mungkin maksud Anda 'kesehatan'?)",
        ],
      },
      {
        row: 5,
        code: 'idn-123-1',
        errors: [
          "kolom code: format 'idn-123-1' tidak sah, harus seperti 'LHR-0123-01' (3 huruf kapital, 4 angka, 2 angka)",
        ],
      },
      {
        row: 6,
        code: base[4]!.code,
        errors: ["kolom response_value: 'tiga' bukan bilangan bulat positif"],
      },
      {
        row: 7,
        code: base[5]!.code,
        errors: ["kolom response_unit: nilai 'menit' tidak dikenal (pilihan: working_days, hours)"],
      },
      { row: 8, code: base[6]!.code, errors: ['kolom name: tidak boleh kosong'] },
    ]);
  });

  it('rejects later rows that repeat a code, pointing at the first', () => {
    const again = { ...clone(base[0]!), name: 'Nama lain untuk kode yang sama' };
    const result = parseCatalogCsv(exportCatalogCsv([base[0]!, base[1]!, again]));
    expect(result.valid).toEqual([base[0], base[1]]);
    expect(result.rejected).toEqual([
      {
        row: 4,
        code: base[0]!.code,
        errors: [`kolom code: kode '${base[0]!.code}' sudah dipakai di baris 2`],
      },
    ]);
  });

  it('checks the RAL code and stage against the service code', () => {
    const text = csvWith(base.slice(0, 2), {
      0: { ral_code: 'RAL.01.99' },
      1: { ral_code: '', stage: 'PDD' },
    });
    const { valid, rejected } = parseCatalogCsv(text);
    expect(valid).toEqual([]);
    expect(rejected[0]?.errors).toEqual([
      `kolom ral_code: harus 'RAL.01.23' sesuai kode layanan '${base[0]!.code}'`,
    ]);
    expect(rejected[1]?.errors).toEqual([
      `kolom stage: 'PDD' tidak cocok dengan awalan kode layanan '${base[1]!.code}' (seharusnya 'LHR')`,
      `kolom ral_code: harus 'RAL.01.23' sesuai kode layanan '${base[1]!.code}'`,
      'kolom ral_name: harus kosong bila kode RAL kosong',
    ]);
  });

  it('reports several problems of one row, a half-filled response time and list items', () => {
    const text = csvWith(base.slice(0, 1), {
      0: {
        stage: '',
        government_level: 'kabupaten',
        response_unit: '',
        keywords: `ok | ${'x'.repeat(41)}`,
      },
    });
    const { valid, rejected } = parseCatalogCsv(text);
    expect(valid).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.errors).toEqual(
      expect.arrayContaining([
        'kolom stage: wajib diisi (pilihan: LHR, PDD, IDN, KRJ, KLG, USH, RMH, PDH, SHT, SOS, KND, LNG, LNS, MTI)',
        "kolom government_level: nilai 'kabupaten' tidak dikenal (pilihan: pusat, provinsi, kab/kota, desa/kelurahan)",
        'kolom keywords (butir ke-2): terlalu panjang: 41 karakter, maksimal 40',
        'kolom response_unit: wajib diisi bila response_value diisi',
      ]),
    );
    expect(rejected[0]?.errors).toHaveLength(4);
  });

  it('rejects a row with the wrong number of cells and skips blank rows', () => {
    const good = exportCatalogCsv(base.slice(0, 2)).trimEnd().split('\r\n');
    const text = [good[0], good[1], '', ',,,', 'LNG-0117-02,Perbaikan jalan', good[2]].join('\n');
    const result = parseCatalogCsv(text);
    expect(result.valid.map((s) => s.code)).toEqual([base[0]!.code, base[1]!.code]);
    expect(result.rejected).toEqual([
      { row: 5, code: 'LNG-0117-02', errors: ['jumlah kolom 2, seharusnya 17'] },
    ]);
  });

  it('accepts columns in any order, trims cells and tolerates "a|b" lists', () => {
    const s = base[0]!;
    const records = parseCsv(exportCatalogCsv([s]));
    const reversed = records.map((r) => [...r].reverse());
    const col = CATALOG_CSV_COLUMNS.length - 1 - CATALOG_CSV_COLUMNS.indexOf('keywords');
    reversed[1]![col] = ` ${s.keywords.join('|')} |  `;
    reversed[0] = reversed[0]!.map((h) => ` ${h.toUpperCase()} `);
    const result = parseCatalogCsv(writeCsv(reversed));
    expect(result).toEqual({ valid: [s], rejected: [] });
  });
});

describe('parseCatalogCsv file-level problems', () => {
  it('rejects a header with missing or unknown columns', () => {
    const text = exportCatalogCsv(services.slice(0, 1)).replace('sector,', 'sektor,');
    expect(parseCatalogCsv(text)).toEqual({
      valid: [],
      rejected: [
        {
          row: 1,
          errors: [
            "baris judul: kolom 'sektor' tidak dikenal (mungkin maksud Anda 'sector'?)",
            "baris judul: kolom 'sector' tidak ada",
          ],
        },
      ],
    });
  });

  it('rejects malformed CSV and empty files', () => {
    const broken = parseCatalogCsv(`${CATALOG_CSV_COLUMNS.join(',')}\n"LHR-0123-01,unterminated`);
    expect(broken.valid).toEqual([]);
    expect(broken.rejected[0]?.row).toBe(2);
    expect(broken.rejected[0]?.errors[0]).toMatch(/^format CSV tidak sah: tanda kutip/);
    expect(parseCatalogCsv('').rejected).toEqual([
      { row: 0, errors: ['berkas CSV kosong: baris judul tidak ditemukan'] },
    ]);
  });

  it('accepts a header-only file as an empty catalog', () => {
    expect(parseCatalogCsv(exportCatalogCsv([]))).toEqual({ valid: [], rejected: [] });
  });
});

describe('parseCatalogJson', () => {
  it('rejects bad items with field names and keeps good ones', () => {
    const good = clone(services.slice(0, 2));
    const bad = clone(services[2]!) as unknown as Record<string, unknown>;
    bad.sector = 'kesehatann';
    delete (bad.standard as Record<string, unknown>).fee;
    (bad.keywords as string[])[1] = 'a | b';
    const dup = clone(services[0]!);
    const text = JSON.stringify([good[0], bad, 42, good[1], dup]);
    const result = parseCatalogJson(text);
    expect(result.valid).toEqual(good);
    expect(result.rejected).toEqual([
      {
        row: 2,
        code: services[2]!.code,
        errors: [
          "kolom sector: nilai 'kesehatann' tidak dikenal (mungkin maksud Anda 'kesehatan'?)",
          "kolom keywords (butir ke-2): tidak boleh memuat karakter '|'",
          'kolom standard.fee: wajib diisi',
        ],
      },
      { row: 3, errors: ["data: setiap layanan harus berupa objek JSON, bukan '42'"] },
      {
        row: 5,
        code: services[0]!.code,
        errors: [`kolom code: kode '${services[0]!.code}' sudah dipakai di layanan ke-1`],
      },
    ]);
  });

  it('explains wrong types and numbers', () => {
    const s = clone(services[0]!) as unknown as { standard: Record<string, unknown> };
    s.standard.responseTime = { value: 1.5, unit: 'hours' };
    s.standard.procedure = 'langkah';
    const result = parseCatalogJson(JSON.stringify([s]));
    expect(result.rejected[0]?.errors).toEqual([
      "kolom standard.procedure: harus berupa daftar, bukan 'langkah'",
      "kolom standard.responseTime.value: '1.5' bukan bilangan bulat",
    ]);
  });

  it('rejects invalid JSON and non-arrays as a whole file', () => {
    expect(parseCatalogJson('[{').rejected[0]?.row).toBe(0);
    expect(parseCatalogJson('[{').rejected[0]?.errors[0]).toMatch(/^berkas JSON tidak sah/);
    expect(parseCatalogJson('{"services": []}')).toEqual({
      valid: [],
      rejected: [{ row: 0, errors: ['berkas JSON harus berisi daftar (array) layanan'] }],
    });
    expect(parseCatalogJson('\uFEFF[]')).toEqual({ valid: [], rejected: [] });
  });
});
