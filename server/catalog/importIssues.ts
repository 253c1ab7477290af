/**
 * Catalog CSV columns and the Bahasa Indonesia messages that explain why a row was rejected,
 * naming the field as the file names it (CSV column or JSON path).
 */
import type { z } from 'zod';

import { CATALOG_CSV_COLUMNS, type CatalogCsvColumn } from '../../shared/catalog/fields';

export { CATALOG_CSV_COLUMNS, type CatalogCsvColumn };

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

export function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

export function show(v: unknown): string {
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

export function suggest(input: unknown, values: readonly unknown[]): string | undefined {
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

export function describeIssues(
  issues: readonly Issue[],
  candidate: unknown,
  style: 'csv' | 'json',
) {
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
