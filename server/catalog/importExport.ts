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
import { neutralizeFormula, restoreFormulaCell } from '../lib/csvSafe';
import {
  ServiceInput,
  type ResponseTime,
  type ResponseTimeUnit,
  LIST_SEPARATOR_CHAR,
} from '../../shared/schemas/catalog';
import { serviceCells, serviceFromCells, type ServiceCells } from '../../shared/catalog/fields';
import { CsvParseError, parseCsv, writeCsv } from './csv';
import {
  CATALOG_CSV_COLUMNS,
  CSV_LIST_SEPARATOR,
  describeIssues,
  show,
  suggest,
  valueAt,
  type CatalogCsvColumn,
} from './importIssues';

export { CATALOG_CSV_COLUMNS, CSV_LIST_SEPARATOR, type CatalogCsvColumn };

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
  const cells = serviceCells(s, joinList);
  return CATALOG_CSV_COLUMNS.map((c) => neutralizeFormula(cells[c]));
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
    const cell = (c: CatalogCsvColumn): string =>
      restoreFormulaCell(record[columns.indexOf(c)] ?? '');
    const cells = Object.fromEntries(CATALOG_CSV_COLUMNS.map((c) => [c, cell(c)])) as ServiceCells;
    for (const c of ['stage', 'sector', 'government_level'] as const) cells[c] = cells[c].trim();
    const { responseTime, errors } = parseResponseTime(cells.response_value, cells.response_unit);
    candidates.push({
      row,
      preErrors: errors,
      data: serviceFromCells(cells, splitList, responseTime),
    });
  });

  const result = validateCandidates(candidates, 'csv');
  const rejected = [...rejectedShape, ...result.rejected].sort((a, b) => a.row - b.row);
  return { valid: result.valid, rejected };
}
