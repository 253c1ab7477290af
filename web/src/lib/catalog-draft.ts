import {
  serviceCells,
  serviceFromCells,
  type ListColumn,
  type ServiceCells,
} from '$shared/catalog/fields';
import { LIFE_STAGES, SECTORS, type LifeStage, type Sector } from '$shared/domain/sectors';
import type { GovernmentLevel, ResponseTimeUnit, ServiceInput } from '$shared/schemas/catalog';
import type { MessageKey } from './i18n.svelte';

// Labels typed against the shared unions, so a new unit or level fails the type check here.
// (shared/schemas/catalog.ts imports zod; the web bundle only takes its types.)
export const RESPONSE_UNIT_LABELS: Record<ResponseTimeUnit, MessageKey> = {
  working_days: 'catalog.unit.working_days',
  hours: 'catalog.unit.hours',
};
export const GOVERNMENT_LEVEL_LABELS: Record<GovernmentLevel, string> = {
  pusat: 'Pusat',
  provinsi: 'Provinsi',
  'kab/kota': 'Kabupaten/kota',
  'desa/kelurahan': 'Desa/kelurahan',
};
export const RESPONSE_UNITS = Object.keys(RESPONSE_UNIT_LABELS) as ResponseTimeUnit[];
export const GOVERNMENT_LEVELS = Object.keys(GOVERNMENT_LEVEL_LABELS) as GovernmentLevel[];

/**
 * A service as the edit form holds it: the CSV's cells (shared/catalog/fields.ts), lists as one
 * item per line, keywords comma-separated, the response time as a number and a unit.
 */
export type ServiceDraft = Omit<
  ServiceCells,
  'stage' | 'sector' | 'government_level' | 'response_value' | 'response_unit'
> & {
  stage: LifeStage;
  sector: Sector;
  government_level: GovernmentLevel;
  /** Empty when the UPP has not stated a response time. */
  response_value: number | null;
  response_unit: ResponseTimeUnit;
};

const EMPTY: ServiceInput = {
  code: '',
  name: '',
  stage: LIFE_STAGES[0],
  sector: SECTORS[0],
  ralCode: null,
  ralName: null,
  uppType: '',
  governmentLevel: 'kab/kota',
  keywords: [],
  standard: {
    requirements: [],
    procedure: [],
    completionTime: '',
    fee: 'Gratis',
    product: '',
    complaintHandling: '',
    responseTime: { value: 5, unit: 'working_days' },
  },
};

export function emptyDraft(): ServiceDraft {
  return toDraft(EMPTY);
}

export function toDraft(s: ServiceInput): ServiceDraft {
  const rt = s.standard.responseTime;
  const cells = serviceCells(s, (items, column) => items.join(column === 'keywords' ? ', ' : '\n'));
  return {
    ...cells,
    stage: s.stage,
    sector: s.sector,
    government_level: s.governmentLevel,
    response_value: rt?.value ?? null,
    response_unit: rt?.unit ?? 'working_days',
  };
}

function split(cell: string, column: ListColumn): string[] {
  const items = cell.split(column === 'keywords' ? ',' : '\n').map((x) => x.trim());
  return items.filter(Boolean).map((x) => (column === 'keywords' ? x.toLowerCase() : x));
}

/** The service the form describes (the server's schema checks it). */
export function fromDraft(d: ServiceDraft): ServiceInput {
  const texts = ['name', 'ral_code', 'ral_name', 'upp_type', 'completion_time', 'fee'] as const;
  const more = ['product', 'complaint_handling'] as const;
  const cells = { ...d, code: d.code.trim().toUpperCase() };
  for (const k of [...texts, ...more]) cells[k] = d[k].trim();
  const v = d.response_value;
  const responseTime = v !== null && v > 0 ? { value: Math.round(v), unit: d.response_unit } : null;
  return serviceFromCells(cells, split, responseTime);
}

/**
 * What a new code implies (the rule of `ralCodeFromServiceCode` in shared/schemas/catalog.ts):
 * `LHR-0123-01` -> stage LHR and RAL.01.23; area 0000 -> no RAL code.
 */
export function impliedByCode(code: string): { stage: LifeStage; ralCode: string } | null {
  const m = /^([A-Z]{3})-(\d{2})(\d{2})-\d{2}$/.exec(code.trim().toUpperCase());
  if (!m) return null;
  const stage = LIFE_STAGES.find((s) => s === m[1]);
  if (!stage) return null;
  const ralCode = m[2] === '00' && m[3] === '00' ? '' : `RAL.${m[2]}.${m[3]}`;
  return { stage, ralCode };
}
