/**
 * Keyword priors from the service catalog (server/catalog/data/services.json): every service's
 * name with its keywords is one short training example of its sector and code, and every keyword
 * is one more (weighted lower). They teach the words citizens use for each service ("gas melon",
 * "kartu kuning", "bedah rumah") even where the corpus has few texts, and the very short messages
 * real portals get.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SECTORS } from '../../../shared/domain/sectors';
import type { Example } from './corpus';

const SERVICES_JSON = fileURLToPath(new URL('../../catalog/data/services.json', import.meta.url));

const Service = z.object({
  code: z.string(),
  name: z.string(),
  sector: z.enum(SECTORS),
  keywords: z.array(z.string()),
});

/** Weight of one keyword example relative to a corpus text (name + keywords: twice that). */
export const KEYWORD_WEIGHT = 0.3;

export function catalogExamples(path = SERVICES_JSON): Example[] {
  if (!existsSync(path)) return [];
  const parsed = z.array(Service).safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) return [];
  const out: Example[] = [];
  for (const s of parsed.data) {
    const base = { sector: s.sector, serviceCode: s.code, style: 'catalog' };
    const name = s.name.replace(/\([^)]*\)/g, ' ');
    out.push({ ...base, text: `${name}. ${s.keywords.join(', ')}`, weight: 2 * KEYWORD_WEIGHT });
    for (const k of s.keywords) out.push({ ...base, text: k, weight: KEYWORD_WEIGHT });
  }
  return out;
}
