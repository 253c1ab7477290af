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

/** A service as the edit form holds it: lists as one item per line, keywords comma-separated. */
export type ServiceDraft = {
  code: string;
  name: string;
  stage: LifeStage;
  sector: Sector;
  ralCode: string;
  ralName: string;
  uppType: string;
  governmentLevel: GovernmentLevel;
  keywords: string;
  requirements: string;
  procedure: string;
  completionTime: string;
  fee: string;
  product: string;
  complaintHandling: string;
  /** Empty when the UPP has not stated a response time. */
  responseValue: number | null;
  responseUnit: ResponseTimeUnit;
};

export function emptyDraft(): ServiceDraft {
  return {
    code: '',
    name: '',
    stage: LIFE_STAGES[0],
    sector: SECTORS[0],
    ralCode: '',
    ralName: '',
    uppType: '',
    governmentLevel: 'kab/kota',
    keywords: '',
    requirements: '',
    procedure: '',
    completionTime: '',
    fee: 'Gratis',
    product: '',
    complaintHandling: '',
    responseValue: 5,
    responseUnit: 'working_days',
  };
}

export function toDraft(s: ServiceInput): ServiceDraft {
  const rt = s.standard.responseTime;
  return {
    code: s.code,
    name: s.name,
    stage: s.stage,
    sector: s.sector,
    ralCode: s.ralCode ?? '',
    ralName: s.ralName ?? '',
    uppType: s.uppType,
    governmentLevel: s.governmentLevel,
    keywords: s.keywords.join(', '),
    requirements: s.standard.requirements.join('\n'),
    procedure: s.standard.procedure.join('\n'),
    completionTime: s.standard.completionTime,
    fee: s.standard.fee,
    product: s.standard.product,
    complaintHandling: s.standard.complaintHandling,
    responseValue: rt?.value ?? null,
    responseUnit: rt?.unit ?? 'working_days',
  };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function fromDraft(d: ServiceDraft): ServiceInput {
  return {
    code: d.code.trim().toUpperCase(),
    name: d.name.trim(),
    stage: d.stage,
    sector: d.sector,
    ralCode: d.ralCode.trim() || null,
    ralName: d.ralName.trim() || null,
    uppType: d.uppType.trim(),
    governmentLevel: d.governmentLevel,
    keywords: d.keywords
      .split(',')
      .map((k) => k.trim().toLowerCase())
      .filter(Boolean),
    standard: {
      requirements: lines(d.requirements),
      procedure: lines(d.procedure),
      completionTime: d.completionTime.trim(),
      fee: d.fee.trim(),
      product: d.product.trim(),
      complaintHandling: d.complaintHandling.trim(),
      responseTime:
        d.responseValue !== null && d.responseValue > 0
          ? { value: Math.round(d.responseValue), unit: d.responseUnit }
          : null,
    },
  };
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
