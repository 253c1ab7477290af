/**
 * Service catalog schemas: a public service (layanan), the UPP that delivers it and its published
 * standar pelayanan (UU 25/2009; PermenPANRB 15/2014), including the response time (waktu tanggap).
 *
 * Validation messages written here are in Bahasa Indonesia and never name the field: callers prefix
 * the field (see server/catalog/importExport.ts).
 */
import { z } from 'zod';
import { LIFE_STAGES, SECTORS } from '../domain/sectors';

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

/** Max length of a service name. */
export const MAX_SERVICE_NAME_LENGTH = 160;
/** Max length of the UPP type (kind of unit that delivers the service). */
export const MAX_UPP_TYPE_LENGTH = 120;
/** Max length of an RAL area name. */
export const MAX_RAL_NAME_LENGTH = 80;
/** Max number of keywords per service. */
export const MAX_KEYWORDS = 20;
/** Max length of one keyword. */
export const MAX_KEYWORD_LENGTH = 40;
/** Max number of items in a requirements or procedure list. */
export const MAX_LIST_ITEMS = 30;
/** Max length of one requirement or procedure step. */
export const MAX_LIST_ITEM_LENGTH = 300;
/** Max length of the free-text standard fields (completion time, fee, product, complaint handling). */
export const MAX_STANDARD_TEXT_LENGTH = 600;
/** Max value of a response time, whatever the unit. */
export const MAX_RESPONSE_TIME_VALUE = 365;

/** Service code: life-journey stage, RAL area as 4 digits (0000 = no RAL area), sequence. */
export const SERVICE_CODE_PATTERN = /^[A-Z]{3}-\d{4}-\d{2}$/;
/** RAL (SPBE Referensi Arsitektur Layanan, Perpres 132/2022) level-2 code, e.g. RAL.01.23. */
export const RAL_CODE_PATTERN = /^RAL\.\d{2}\.\d{2}$/;
/** Lists are flattened with ' | ' in CSV, so list items may not contain this character. */
export const LIST_SEPARATOR_CHAR = '|';

export const RESPONSE_TIME_UNITS = ['working_days', 'hours'] as const;
export type ResponseTimeUnit = (typeof RESPONSE_TIME_UNITS)[number];

export const GOVERNMENT_LEVELS = ['pusat', 'provinsi', 'kab/kota', 'desa/kelurahan'] as const;
export type GovernmentLevel = (typeof GOVERNMENT_LEVELS)[number];

/**
 * The RAL code a service code implies: `LHR-0123-01` -> `RAL.01.23`, `KRJ-0000-05` -> null.
 * Returns undefined when the code is not a valid service code.
 */
export function ralCodeFromServiceCode(code: string): string | null | undefined {
  if (!SERVICE_CODE_PATTERN.test(code)) return undefined;
  const area = code.slice(4, 8);
  if (area === '0000') return null;
  return `RAL.${area.slice(0, 2)}.${area.slice(2, 4)}`;
}

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const text = (max: number) => z.string().trim().min(1).max(max);

const listItem = (max: number) =>
  text(max).refine((s) => !s.includes(LIST_SEPARATOR_CHAR), {
    message: `tidak boleh memuat karakter '${LIST_SEPARATOR_CHAR}'`,
  });

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

/** Response time (waktu tanggap): how fast the UPP answers citizen input about the service. */
export const ResponseTime = z.object({
  /** Amount of time, a positive whole number. */
  value: z.number().int().positive().max(MAX_RESPONSE_TIME_VALUE),
  /** Unit: working days for ordinary services, hours for urgent ones (ambulans, damkar, IGD, bencana). */
  unit: z.enum(RESPONSE_TIME_UNITS),
});
export type ResponseTime = z.infer<typeof ResponseTime>;

/** The service-delivery components of a published standar pelayanan (PermenPANRB 15/2014). */
export const StandarPelayanan = z.object({
  /** Persyaratan: documents and conditions the citizen must bring or meet. */
  requirements: z.array(listItem(MAX_LIST_ITEM_LENGTH)).max(MAX_LIST_ITEMS),
  /** Sistem, mekanisme dan prosedur: the steps, in order. */
  procedure: z.array(listItem(MAX_LIST_ITEM_LENGTH)).min(1).max(MAX_LIST_ITEMS),
  /** Jangka waktu pelayanan (free text; values not backed by a source are marked 'contoh'). */
  completionTime: text(MAX_STANDARD_TEXT_LENGTH),
  /** Biaya/tarif, e.g. 'Gratis' or the regulation that sets the tariff. */
  fee: text(MAX_STANDARD_TEXT_LENGTH),
  /** Produk pelayanan: what the citizen receives. */
  product: text(MAX_STANDARD_TEXT_LENGTH),
  /** Penanganan pengaduan, saran dan masukan: the channels and how they are handled. */
  complaintHandling: text(MAX_STANDARD_TEXT_LENGTH),
  /** Waktu tanggap; null when the UPP has not stated one. */
  responseTime: ResponseTime.nullable(),
});
export type StandarPelayanan = z.infer<typeof StandarPelayanan>;

/** One catalog service as imported or edited (no database ids). */
export const ServiceInput = z
  .object({
    /** Unique code `STAGE-RRRR-NN`, e.g. `LHR-0123-01` (stage, RAL area digits or 0000, sequence). */
    code: z.string().trim().regex(SERVICE_CODE_PATTERN),
    /** Service name as citizens know it (Bahasa Indonesia). */
    name: text(MAX_SERVICE_NAME_LENGTH),
    /** Life-journey stage; must equal the code's prefix. */
    stage: z.enum(LIFE_STAGES),
    /** Sector slug used by routing. */
    sector: z.enum(SECTORS),
    /** RAL level-2 code implied by the code (`LHR-0123-..` -> `RAL.01.23`); null for area 0000. */
    ralCode: z.string().trim().regex(RAL_CODE_PATTERN).nullable(),
    /** RAL area name (e.g. 'Kependudukan'); null exactly when ralCode is null. */
    ralName: text(MAX_RAL_NAME_LENGTH).nullable(),
    /** Kind of unit that delivers the service, e.g. 'Dinas Dukcapil kab/kota'. */
    uppType: text(MAX_UPP_TYPE_LENGTH),
    /** Level of government the delivering unit belongs to (vertical agencies and BUMN count as pusat). */
    governmentLevel: z.enum(GOVERNMENT_LEVELS),
    /** Words citizens use when looking for the service (lowercase Bahasa Indonesia). */
    keywords: z.array(listItem(MAX_KEYWORD_LENGTH)).max(MAX_KEYWORDS),
    /** The published standar pelayanan. */
    standard: StandarPelayanan,
  })
  .superRefine((s, ctx) => {
    if (typeof s.code !== 'string' || !SERVICE_CODE_PATTERN.test(s.code)) return;
    const prefix = s.code.slice(0, 3);
    if (typeof s.stage === 'string' && s.stage !== prefix) {
      ctx.addIssue({
        code: 'custom',
        path: ['stage'],
        message: `'${s.stage}' tidak cocok dengan awalan kode layanan '${s.code}' (seharusnya '${prefix}')`,
      });
    }
    const expected = ralCodeFromServiceCode(s.code);
    const ralCodeOk = s.ralCode === null || RAL_CODE_PATTERN.test(s.ralCode);
    if (ralCodeOk && s.ralCode !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['ralCode'],
        message:
          expected === null
            ? `harus kosong karena kode layanan '${s.code}' memakai area 0000`
            : `harus '${expected}' sesuai kode layanan '${s.code}'`,
      });
    }
    if (ralCodeOk && s.ralCode !== null && s.ralName === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['ralName'],
        message: 'wajib diisi bila kode RAL diisi',
      });
    }
    if (s.ralCode === null && typeof s.ralName === 'string') {
      ctx.addIssue({
        code: 'custom',
        path: ['ralName'],
        message: 'harus kosong bila kode RAL kosong',
      });
    }
  });
export type ServiceInput = z.infer<typeof ServiceInput>;

/** A whole catalog: a list of services with unique codes. */
export const ServiceCatalog = z.array(ServiceInput).superRefine((services, ctx) => {
  const firstIndex = new Map<string, number>();
  services.forEach((s, i) => {
    if (typeof s?.code !== 'string') return;
    const first = firstIndex.get(s.code);
    if (first === undefined) firstIndex.set(s.code, i);
    else
      ctx.addIssue({
        code: 'custom',
        path: [i, 'code'],
        message: `kode '${s.code}' sudah dipakai oleh layanan ke-${first + 1}`,
      });
  });
});
export type ServiceCatalog = z.infer<typeof ServiceCatalog>;

/** A service as the citizen's pickers list it. */
export const ServiceSummary = z.object({
  code: z.string(),
  name: z.string(),
  sector: z.enum(SECTORS),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

/** The import's formats and modes (`preview` reports, `apply` stores the valid rows). */
export const CatalogImportQuery = z.strictObject({
  format: z.enum(['csv', 'json']),
  mode: z.enum(['preview', 'apply']).default('preview'),
});
export type CatalogImportQuery = z.input<typeof CatalogImportQuery>;

/** What an import found: valid rows, rejected rows with their reasons, whether it stored them. */
export const ImportReport = z.object({
  valid: z.number().int(),
  rejected: z.array(
    z.object({ row: z.number(), code: z.string().optional(), errors: z.array(z.string()) }),
  ),
  applied: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** A public holiday skipped by working-day deadlines. */
export const Holiday = z.object({ date: z.string(), name: z.string() });
export type Holiday = z.infer<typeof Holiday>;

export const HolidayCreate = z.strictObject({
  date: z.iso.date({ message: 'Tanggal harus YYYY-MM-DD' }),
  name: z.string().trim().min(2).max(120),
});
export type HolidayCreate = z.infer<typeof HolidayCreate>;
