/**
 * Open-data exports of forum inputs (CSV and JSON) with personal data removed.
 *
 * `ExportRow` has no field for names, e-mail addresses or participant ids, and the writers copy
 * only the whitelisted fields, so extra properties on the objects passed in never leak. Free
 * text (the input and its replies) is additionally passed through `scrubPersonalData`.
 */
import { neutralizeFormula } from '../lib/csvSafe';

export interface ExportRow {
  id: string;
  createdAt: Date;
  kind: string;
  text: string;
  votes: number;
  status: string;
  answered: boolean;
  sector: string | null;
  serviceCode: string | null;
  uppName: string | null;
  replies: string[];
}

export const MASK = '[disamarkan]';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Identity numbers after a label: "NIK: 3201...", "No. KK 3201...", "NPWP 12.345.678.9-...". */
const LABELLED_ID =
  /\b(NIK|NIP|NPWP|KTP|No\.?\s*KTP|No\.?\s*KK|Nomor\s+KK|KK|No\.?\s*Rek(?:ening)?|Rekening)(\s*[:.]?\s*)\d[\d .-]{7,}\d/gi;

/**
 * Indonesian phone numbers: +62 / 62 8xx / 08xx mobiles and 0xx(x) or (0xx) landlines, with
 * optional space, dash or dot separators. Only 9-15 digit matches are masked (see below).
 */
const PHONE =
  /(?<![\w+.,])(?:\+62[\s.-]?\(?0?\d{1,4}\)?|62[\s.-]?8\d{1,3}|\(0\d{1,3}\)|0[1-9]\d{1,3})(?:[\s.-]?\d{2,5}){1,4}(?!\w)/g;

/** NIK / KK layout written in groups: 3201 0212 0590 0001, 32.01.02.120590.0001, 320102-120590-0001 */
const GROUPED_NIK =
  /\b(?:\d{4}([\s.-])\d{4}\1\d{4}\1\d{4}|\d{6}([\s.-])\d{6}\2\d{4}|\d{2}\.\d{2}\.\d{2}\.\d{6}\.\d{4})\b/g;

/** Any other long run of digits (account numbers, unformatted NIK/KK, ...). */
const LONG_DIGITS = /\d{10,}/g;

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

/**
 * Masks personal data in free text: phone numbers, e-mail addresses, NIK and KK numbers
 * (16 digits) and other long digit runs. Each match becomes "[disamarkan]".
 */
export function scrubPersonalData(text: string): string {
  return text
    .replace(EMAIL, MASK)
    .replace(LABELLED_ID, (_m, label: string, sep: string) => `${label}${sep}${MASK}`)
    .replace(GROUPED_NIK, MASK)
    .replace(PHONE, (m) => {
      const n = digitCount(m);
      return n >= 9 && n <= 15 ? MASK : m;
    })
    .replace(LONG_DIGITS, MASK);
}

/** Column order of the CSV export; JSON objects use the same keys. */
export const EXPORT_COLUMNS = [
  'id',
  'createdAt',
  'kind',
  'text',
  'votes',
  'status',
  'answered',
  'sector',
  'serviceCode',
  'uppName',
  'replies',
] as const;

type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** An export row as published: the same fields, the time as ISO text. */
type PublicRecord = Omit<ExportRow, 'createdAt'> & { createdAt: string };

/** Whitelists the public fields and scrubs free text. */
function toPublicRecord(row: ExportRow): PublicRecord {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    kind: row.kind,
    text: scrubPersonalData(row.text),
    votes: row.votes,
    status: row.status,
    answered: row.answered,
    sector: row.sector,
    serviceCode: row.serviceCode,
    uppName: row.uppName,
    replies: row.replies.map(scrubPersonalData),
  };
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string') s = neutralizeFormula(s);
  // RFC 4180 quoting; ';' too, since Indonesian-locale spreadsheets use it as the separator.
  if (/[",;\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

function csvValue(record: PublicRecord, column: ExportColumn): string | number | boolean | null {
  if (column === 'replies') return record.replies.join('\n');
  return record[column];
}

/** RFC 4180 CSV: UTF-8 BOM, header row, CRLF line endings, formula-injection safe. */
export function inputsToCsv(rows: ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) {
    const record = toPublicRecord(row);
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(csvValue(record, c))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** JSON array of the same public records, pretty-printed. */
export function inputsToJson(rows: ExportRow[]): string {
  return `${JSON.stringify(rows.map(toPublicRecord), null, 2)}\n`;
}
