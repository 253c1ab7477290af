import { ServiceInput } from '../../shared/schemas/catalog';
import { audit } from '../audit/audit.service';
import type { AuthUser } from '../auth/types';
import { badRequest, conflict, notFound } from '../http/errors';
import { cleanService, cleanServiceOrThrow } from './clean';
import { parseCatalogCsv, parseCatalogJson, type RejectedRow } from './importExport';
import { ServiceModel, type ServiceDoc } from './service.model';

/** A catalog row as a plain ServiceInput (the shape of import and export). */
function toInput(s: ServiceDoc): ServiceInput {
  const o = s.toObject() as ServiceInput & {
    _id?: unknown;
    __v?: unknown;
    createdAt?: unknown;
    updatedAt?: unknown;
  };
  return ServiceInput.parse({
    code: o.code,
    name: o.name,
    stage: o.stage,
    sector: o.sector,
    ralCode: o.ralCode ?? null,
    ralName: o.ralName ?? null,
    uppType: o.uppType,
    governmentLevel: o.governmentLevel,
    keywords: o.keywords,
    standard: {
      ...o.standard,
      responseTime: o.standard.responseTime?.value ? o.standard.responseTime : null,
    },
  });
}

/** Codes, names and sectors of every service, for pickers. */
export async function serviceSummaries() {
  const rows = await ServiceModel.find({}, { code: 1, name: 1, sector: 1 }).sort({ code: 1 });
  return rows.map((s) => ({ code: s.code, name: s.name, sector: s.sector }));
}

/** Names of the services with these codes. */
export async function serviceNames(codes: string[]): Promise<Map<string, string>> {
  const rows = await ServiceModel.find({ code: { $in: codes } }, { code: 1, name: 1 });
  return new Map(rows.map((s) => [s.code, s.name]));
}

/** The whole catalog with standards, ordered by code. */
export async function allServices(): Promise<ServiceInput[]> {
  return (await ServiceModel.find().sort({ code: 1 })).map(toInput);
}

async function upsert(actor: AuthUser, s: ServiceInput, action: string): Promise<void> {
  await ServiceModel.updateOne(
    { code: s.code },
    { $set: s },
    { upsert: true, runValidators: true },
  );
  await audit(actor, action, `service:${s.code}`, s.name);
}

/** Stores a service typed by an admin, its texts made plain (refused if only markup). */
async function store(actor: AuthUser, body: ServiceInput, action: string): Promise<ServiceInput> {
  const service = cleanServiceOrThrow(body);
  await upsert(actor, service, action);
  return service;
}

export async function createService(actor: AuthUser, body: ServiceInput): Promise<ServiceInput> {
  if (await ServiceModel.exists({ code: body.code }))
    throw conflict('service_code_taken', { code: body.code });
  return store(actor, body, 'catalog.create');
}

export async function updateService(
  actor: AuthUser,
  code: string,
  body: ServiceInput,
): Promise<ServiceInput> {
  if (body.code !== code) throw badRequest('service_code_fixed');
  if (!(await ServiceModel.exists({ code }))) throw notFound('service_not_found');
  return store(actor, body, 'catalog.update');
}

/**
 * Imports a CSV or JSON catalog: every row is parsed and cleaned (what people typed becomes
 * plain text; a row that was only markup is rejected); `apply` stores the valid rows.
 */
export async function importCatalog(
  actor: AuthUser,
  text: unknown,
  format: 'csv' | 'json',
  apply: boolean,
): Promise<{ valid: number; rejected: RejectedRow[]; applied: boolean }> {
  if (typeof text !== 'string' || !text.trim()) {
    throw badRequest('import_needs_text');
  }
  const parsed = format === 'csv' ? parseCatalogCsv(text) : parseCatalogJson(text);
  const valid: ServiceInput[] = [];
  const rejected = [...parsed.rejected];
  for (const s of parsed.valid) {
    const c = cleanService(s);
    if (c.ok) valid.push(c.service);
    else rejected.push({ row: 0, code: s.code, errors: c.errors });
  }
  const applied = apply && valid.length > 0;
  if (applied) for (const s of valid) await upsert(actor, s, 'catalog.import');
  return { valid: valid.length, rejected, applied };
}
