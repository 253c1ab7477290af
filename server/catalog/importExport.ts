/**
 * Import and export of the service catalog as JSON or CSV.
 *
 * Imports never throw on bad content: every service either lands in `valid` (parsed by the
 * ServiceInput schema) or in `rejected` with messages in Bahasa Indonesia that name the field,
 * e.g. "kolom sector: nilai 'kesehatann' tidak dikenal (mungkin maksud Anda 'kesehatan'?)".
 * A code used twice in one file is kept for its first row; later rows with it are rejected.
 *
 * CSV layout (see CATALOG_CSV_COLUMNS): one row per service, lists joined with ' | ', response
 * time split into response_value and response_unit (both empty when there is none), empty
 * ral_code/ral_name for null. Exporting then importing gives back the same services.
 */
import type { z } from 'zod';
import {
  ServiceInput,
  type ResponseTime,
  type ResponseTimeUnit,
  LIST_SEPARATOR_CHAR,
} from '../../shared/schemas/catalog';
import { CsvParseError, parseCsv, writeCsv } from './csv';

/** A service that could not be imported. */
export interface RejectedRow {
  /**
   * Where it is. CSV: the record number with the header as row 1 (as a spreadsheet numbers rows).
   * JSON: the 1-based position in the array. 0 means the file as a whole.
   */
  row: number;
  /** The code given in that row, when there is one. */
  code?: string;
  /** What is wrong, in Bahasa Indonesia, each message naming the field. */
  errors: string[];
}

export interface CatalogImportResult {
  valid: ServiceInput[];
  rejected: RejectedRow[];
}

/** CSV header, in export order. Import accepts the columns in any order. */
export const CATALOG_CSV_COLUMNS = [
  'code',
  'name',
  'stage',
  'sector',
  'ral_code',
  'ral_name',
  'upp_type',
  'government_level',
  'keywords',
  'requirements',
  'procedure',
  'completion_time',
  'fee',
  'product',
  'complaint_handling',
  'response_value',
  'response_unit',
] as const;
export type CatalogCsvColumn = (typeof CATALOG_CSV_COLUMNS)[number];

/** Separator of list items inside one CSV cell. */
export const CSV_LIST_SEPARATOR = ' | ';

// ---------------------------------------------------------------------------------------------
// Error messages
// ---------------------------------------------------------------------------------------------

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** Schema path -> CSV column. */
const CSV_COLUMN_BY_PATH: Record<string, CatalogCsvColumn> = {
  code: 'code',
  name: 'name',
  stage: 'stage',
  sector: 'sector',
  ralCode: 'ral_code',
  ralName: 'ral_name',
  uppType: 'upp_type',
  governmentLevel: 'government_level',
  keywords: 'keywords',
  'standard.requirements': 'requirements',
  'standard.procedure': 'procedure',
  'standard.completionTime': 'completion_time',
  'standard.fee': 'fee',
  'standard.product': 'product',
  'standard.complaintHandling': 'complaint_handling',
  'standard.responseTime': 'response_value',
  'standard.responseTime.value': 'response_value',
  'standard.responseTime.unit': 'response_unit',
};

const FORMAT_EXAMPLES: Record<string, string> = {
  code: "harus seperti 'LHR-0123-01' (3 huruf kapital, 4 angka, 2 angka)",
  ralCode: "harus seperti 'RAL.01.23' atau dikosongkan",
};

/** Splits a path into the field part and the (0-based) list item index that follows it. */
function splitPath(path: Path): { keys: string[]; item?: number } {
  const keys: string[] = [];
  let item: number | undefined;
  for (const p of path) {
    if (typeof p === 'number') item = p;
    else keys.push(String(p));
  }
  return { keys, item };
}

function fieldLabel(path: Path, style: 'csv' | 'json'): string {
  const { keys, item } = splitPath(path);
  const joined = keys.join('.');
  const name = style === 'csv' ? (CSV_COLUMN_BY_PATH[joined] ?? joined) : joined;
  const base = name === '' ? 'data' : `kolom ${name}`;
  return item === undefined ? base : `${base} (butir ke-${item + 1})`;
}

function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return `'${s !== undefined && s.length > 60 ? `${s.slice(0, 57)}...` : s}'`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  int: 'bilangan bulat',
  array: 'daftar',
  object: 'objek',
  null: 'null',
};

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

function suggest(input: unknown, values: readonly unknown[]): string | undefined {
  if (typeof input !== 'string') return undefined;
  const needle = input.trim().toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const d = levenshtein(needle, v.toLowerCase());
    if (d < bestDistance) {
      best = v;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 4))
    ? best
    : undefined;
}

function issueText(issue: Issue, value: unknown): string {
  const last = issue.path.at(-1);
  const fieldKey = typeof last === 'string' ? last : undefined;
  if (value === undefined && issue.code !== 'custom') return 'wajib diisi';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int') return `${show(value)} bukan bilangan bulat`;
      if (value === null) return 'tidak boleh kosong (null)';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `harus berupa ${expected}, bukan ${show(value)}`;
    }
    case 'invalid_value': {
      const hint = suggest(value, issue.values);
      const choices = issue.values.map((v) => String(v)).join(', ');
      if (value === null || (typeof value === 'string' && value.trim() === '')) {
        return `wajib diisi (pilihan: ${choices})`;
      }
      return (
        `nilai ${show(value)} tidak dikenal` +
        (hint !== undefined ? ` (mungkin maksud Anda '${hint}'?)` : ` (pilihan: ${choices})`)
      );
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'tidak boleh kosong'
          : `minimal ${issue.minimum} karakter`;
      }
      if (issue.origin === 'array') return `minimal berisi ${issue.minimum} butir`;
      if (issue.origin === 'number') {
        return issue.inclusive
          ? `${show(value)} kurang dari batas minimal ${issue.minimum}`
          : `harus lebih besar dari ${issue.minimum}, bukan ${show(value)}`;
      }
      return issue.message;
    case 'too_big':
      if (issue.origin === 'string') {
        const len = typeof value === 'string' ? value.trim().length : '?';
        return `terlalu panjang: ${len} karakter, maksimal ${issue.maximum}`;
      }
      if (issue.origin === 'array') {
        const len = Array.isArray(value) ? value.length : '?';
        return `terlalu banyak butir: ${len}, maksimal ${issue.maximum}`;
      }
      if (issue.origin === 'number')
        return `${show(value)} melebihi batas maksimal ${issue.maximum}`;
      return issue.message;
    case 'invalid_format': {
      const example = fieldKey !== undefined ? FORMAT_EXAMPLES[fieldKey] : undefined;
      return `format ${show(value)} tidak sah` + (example !== undefined ? `, ${example}` : '');
    }
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

function describeIssues(issues: readonly Issue[], candidate: unknown, style: 'csv' | 'json') {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const issue of issues) {
    const msg = `${fieldLabel(issue.path, style)}: ${issueText(issue, valueAt(candidate, issue.path))}`;
    if (!seen.has(msg)) {
      seen.add(msg);
      out.push(msg);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shared import logic
// ---------------------------------------------------------------------------------------------

interface Candidate {
  row: number;
  /** The object to validate. */
  data: unknown;
  /** Errors found before schema validation (CSV cell conversion, JSON item not an object). */
  preErrors: string[];
  /** Report only preErrors (the data is not worth validating). */
  skipSchema?: boolean;
}

function validateCandidates(
  candidates: readonly Candidate[],
  style: 'csv' | 'json',
): CatalogImportResult {
  const valid: ServiceInput[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowByCode = new Map<string, number>();

  for (const c of candidates) {
    const rawCode = valueAt(c.data, ['code']);
    const code = typeof rawCode === 'string' && rawCode.trim() !== '' ? rawCode.trim() : undefined;
    const errors: string[] = [];

    if (code !== undefined) {
      const first = firstRowByCode.get(code);
      if (first === undefined) firstRowByCode.set(code, c.row);
      else {
        const where = style === 'csv' ? `baris ${first}` : `layanan ke-${first}`;
        errors.push(`kolom code: kode '${code}' sudah dipakai di ${where}`);
      }
    }

    errors.push(...c.preErrors);
    const parsed = c.skipSchema ? undefined : ServiceInput.safeParse(c.data);
    if (parsed !== undefined && !parsed.success) {
      errors.push(...describeIssues(parsed.error.issues, c.data, style));
    }

    if (errors.length === 0 && parsed?.success) valid.push(parsed.data);
    else rejected.push(code !== undefined ? { row: c.row, code, errors } : { row: c.row, errors });
  }
  return { valid, rejected };
}

function fileError(message: string, row = 0): CatalogImportResult {
  return { valid: [], rejected: [{ row, errors: [message] }] };
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/** Parses a catalog JSON file: an array of ServiceInput objects. */
export function parseCatalogJson(text: string): CatalogImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fileError(`berkas JSON tidak sah: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) {
    return fileError('berkas JSON harus berisi daftar (array) layanan');
  }
  const candidates = data.map((item: unknown, i): Candidate => {
    const isObject = item !== null && typeof item === 'object' && !Array.isArray(item);
    return isObject
      ? { row: i + 1, data: item, preErrors: [] }
      : {
          row: i + 1,
          data: item,
          preErrors: [`data: setiap layanan harus berupa objek JSON, bukan ${show(item)}`],
          skipSchema: true,
        };
  });
  return validateCandidates(candidates, 'json');
}

/** Canonical key order, so exports are stable whatever order the input objects had. */
function canonical(s: ServiceInput): ServiceInput {
  const rt = s.standard.responseTime;
  return {
    code: s.code,
    name: s.name,
    stage: s.stage,
    sector: s.sector,
    ralCode: s.ralCode,
    ralName: s.ralName,
    uppType: s.uppType,
    governmentLevel: s.governmentLevel,
    keywords: [...s.keywords],
    standard: {
      requirements: [...s.standard.requirements],
      procedure: [...s.standard.procedure],
      completionTime: s.standard.completionTime,
      fee: s.standard.fee,
      product: s.standard.product,
      complaintHandling: s.standard.complaintHandling,
      responseTime: rt === null ? null : { value: rt.value, unit: rt.unit },
    },
  };
}

/** Writes services as a pretty-printed JSON array (2-space indent, trailing newline). */
export function exportCatalogJson(services: readonly ServiceInput[]): string {
  return `${JSON.stringify(services.map(canonical), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

function joinList(items: readonly string[]): string {
  return items.join(CSV_LIST_SEPARATOR);
}

function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR_CHAR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function toCsvRecord(s: ServiceInput): string[] {
  const rt = s.standard.responseTime;
  const byColumn: Record<CatalogCsvColumn, string> = {
    code: s.code,
    name: s.name,
    stage: s.stage,
    sector: s.sector,
    ral_code: s.ralCode ?? '',
    ral_name: s.ralName ?? '',
    upp_type: s.uppType,
    government_level: s.governmentLevel,
    keywords: joinList(s.keywords),
    requirements: joinList(s.standard.requirements),
    procedure: joinList(s.standard.procedure),
    completion_time: s.standard.completionTime,
    fee: s.standard.fee,
    product: s.standard.product,
    complaint_handling: s.standard.complaintHandling,
    response_value: rt === null ? '' : String(rt.value),
    response_unit: rt === null ? '' : rt.unit,
  };
  return CATALOG_CSV_COLUMNS.map((c) => byColumn[c]);
}

/**
 * Writes services as CSV (header row, CRLF line ends). `bom: true` prefixes a UTF-8 byte-order
 * mark for spreadsheet programs; the importer accepts both.
 */
export function exportCatalogCsv(
  services: readonly ServiceInput[],
  options: { bom?: boolean } = {},
): string {
  return writeCsv([[...CATALOG_CSV_COLUMNS], ...services.map(toCsvRecord)], { bom: options.bom });
}

function parseResponseTime(
  valueCell: string,
  unitCell: string,
): { responseTime: ResponseTime | null; errors: string[] } {
  const value = valueCell.trim();
  const unit = unitCell.trim();
  if (value === '' && unit === '') return { responseTime: null, errors: [] };
  const errors: string[] = [];
  if (value === '') errors.push('kolom response_value: wajib diisi bila response_unit diisi');
  else if (!/^\d+$/.test(value)) {
    errors.push(`kolom response_value: '${value}' bukan bilangan bulat positif`);
  }
  if (unit === '') errors.push('kolom response_unit: wajib diisi bila response_value diisi');
  if (errors.length > 0) return { responseTime: null, errors };
  // The unit is checked by the schema (so the message lists the allowed units).
  return {
    responseTime: { value: Number(value), unit: unit as ResponseTimeUnit },
    errors: [],
  };
}

function checkHeader(header: readonly string[]): { columns: string[]; errors: string[] } {
  const columns = header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(CATALOG_CSV_COLUMNS);
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) errors.push(`baris judul: kolom '${c}' muncul lebih dari sekali`);
    seen.add(c);
    if (!known.has(c)) {
      const hint = suggest(c, CATALOG_CSV_COLUMNS);
      errors.push(
        `baris judul: kolom '${c}' tidak dikenal` +
          (hint !== undefined ? ` (mungkin maksud Anda '${hint}'?)` : ''),
      );
    }
  }
  for (const c of CATALOG_CSV_COLUMNS) {
    if (!seen.has(c)) errors.push(`baris judul: kolom '${c}' tidak ada`);
  }
  return { columns, errors };
}

/**
 * Parses a catalog CSV file (header row with CATALOG_CSV_COLUMNS in any order, optional BOM).
 * Empty rows are skipped. A broken header or malformed CSV rejects the whole file.
 */
export function parseCatalogCsv(text: string): CatalogImportResult {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvParseError) {
      return fileError(`format CSV tidak sah: ${e.message}`, e.record);
    }
    throw e;
  }
  const header = records[0];
  if (header === undefined || header.every((f) => f.trim() === '')) {
    return fileError('berkas CSV kosong: baris judul tidak ditemukan', records.length > 0 ? 1 : 0);
  }
  const { columns, errors: headerErrors } = checkHeader(header);
  if (headerErrors.length > 0) return { valid: [], rejected: [{ row: 1, errors: headerErrors }] };

  const candidates: Candidate[] = [];
  const rejectedShape: RejectedRow[] = [];
  records.forEach((record, index) => {
    if (index === 0) return;
    const row = index + 1;
    if (record.every((f) => f.trim() === '')) return;
    if (record.length !== columns.length) {
      const code = record[columns.indexOf('code')]?.trim();
      const r: RejectedRow = {
        row,
        errors: [`jumlah kolom ${record.length}, seharusnya ${columns.length}`],
      };
      if (code) r.code = code;
      rejectedShape.push(r);
      return;
    }
    const cell = (c: CatalogCsvColumn): string => record[columns.indexOf(c)] ?? '';
    const optional = (c: CatalogCsvColumn): string | null =>
      cell(c).trim() === '' ? null : cell(c);
    const { responseTime, errors } = parseResponseTime(
      cell('response_value'),
      cell('response_unit'),
    );
    candidates.push({
      row,
      preErrors: errors,
      data: {
        code: cell('code'),
        name: cell('name'),
        stage: cell('stage').trim(),
        sector: cell('sector').trim(),
        ralCode: optional('ral_code'),
        ralName: optional('ral_name'),
        uppType: cell('upp_type'),
        governmentLevel: cell('government_level').trim(),
        keywords: splitList(cell('keywords')),
        standard: {
          requirements: splitList(cell('requirements')),
          procedure: splitList(cell('procedure')),
          completionTime: cell('completion_time'),
          fee: cell('fee'),
          product: cell('product'),
          complaintHandling: cell('complaint_handling'),
          responseTime,
        },
      },
    });
  });

  const result = validateCandidates(candidates, 'csv');
  const rejected = [...rejectedShape, ...result.rejected].sort((a, b) => a.row - b.row);
  return { valid: result.valid, rejected };
}
