import { ServiceInput } from '../../shared/schemas/catalog';
import { badRequest } from '../http/errors';
import { cleanLine } from '../lib/sanitize';

/**
 * A catalog service with every text an admin typed (or imported) made plain text, then checked
 * again: a field that was only markup is refused rather than stored empty.
 */
export function cleanService(s: ServiceInput):
  | { ok: true; service: ServiceInput }
  | {
      ok: false;
      errors: string[];
    } {
  const list = (xs: string[]) => xs.map(cleanLine);
  const r = ServiceInput.safeParse({
    ...s,
    name: cleanLine(s.name),
    ralName: s.ralName === null ? null : cleanLine(s.ralName),
    uppType: cleanLine(s.uppType),
    keywords: list(s.keywords),
    standard: {
      ...s.standard,
      requirements: list(s.standard.requirements),
      procedure: list(s.standard.procedure),
      completionTime: cleanLine(s.standard.completionTime),
      fee: cleanLine(s.standard.fee),
      product: cleanLine(s.standard.product),
      complaintHandling: cleanLine(s.standard.complaintHandling),
    },
  });
  if (r.success) return { ok: true, service: r.data };
  return {
    ok: false,
    errors: r.error.issues.map(
      (i) => `kolom ${i.path.join('.')}: ${i.message} (setelah dibersihkan)`,
    ),
  };
}

/** `cleanService` for one edited service: 400 when a field is empty after cleaning. */
export function cleanServiceOrThrow(s: ServiceInput): ServiceInput {
  const r = cleanService(s);
  if (!r.ok) throw badRequest('service_invalid', { problem: r.errors[0] ?? '' }, r.errors);
  return r.service;
}
