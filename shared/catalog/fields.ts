/**
 * A catalog service as flat fields, one per CSV column: the one mapping between `ServiceInput`
 * and the flat form the CSV import/export (server/catalog/importExport.ts) and the web's edit
 * form (web/src/lib/catalog-draft.ts) both use. Type-only imports: no zod in the browser.
 */
import type { ResponseTime, ServiceInput } from '../schemas/catalog';

/** CSV header, in export order (the import accepts any order). */
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

/** The columns that hold lists. */
export type ListColumn = 'keywords' | 'requirements' | 'procedure';

/** A service as text per column. */
export type ServiceCells = Record<CatalogCsvColumn, string>;

/** A service's cells; `join` writes a list column as one text. */
export function serviceCells(
  s: ServiceInput,
  join: (items: readonly string[], column: ListColumn) => string,
): ServiceCells {
  const rt = s.standard.responseTime;
  return {
    code: s.code,
    name: s.name,
    stage: s.stage,
    sector: s.sector,
    ral_code: s.ralCode ?? '',
    ral_name: s.ralName ?? '',
    upp_type: s.uppType,
    government_level: s.governmentLevel,
    keywords: join(s.keywords, 'keywords'),
    requirements: join(s.standard.requirements, 'requirements'),
    procedure: join(s.standard.procedure, 'procedure'),
    completion_time: s.standard.completionTime,
    fee: s.standard.fee,
    product: s.standard.product,
    complaint_handling: s.standard.complaintHandling,
    response_value: rt === null ? '' : String(rt.value),
    response_unit: rt === null ? '' : rt.unit,
  };
}

type Enums = 'stage' | 'sector' | 'government_level';

/**
 * The service the cells describe, for the schema to check: `split` cuts a list column, blank
 * optional cells become null; the response time is read by the caller (its errors differ).
 * Stage, sector and level keep the type they came with (typed by a form, text from a file).
 */
export function serviceFromCells<S extends string, T extends string, G extends string>(
  c: Omit<ServiceCells, 'response_value' | 'response_unit' | Enums> & {
    stage: S;
    sector: T;
    government_level: G;
  },
  split: (cell: string, column: ListColumn) => string[],
  responseTime: ResponseTime | null,
) {
  const optional = (cell: string) => (cell.trim() === '' ? null : cell);
  return {
    code: c.code,
    name: c.name,
    stage: c.stage,
    sector: c.sector,
    ralCode: optional(c.ral_code),
    ralName: optional(c.ral_name),
    uppType: c.upp_type,
    governmentLevel: c.government_level,
    keywords: split(c.keywords, 'keywords'),
    standard: {
      requirements: split(c.requirements, 'requirements'),
      procedure: split(c.procedure, 'procedure'),
      completionTime: c.completion_time,
      fee: c.fee,
      product: c.product,
      complaintHandling: c.complaint_handling,
      responseTime,
    },
  };
}
