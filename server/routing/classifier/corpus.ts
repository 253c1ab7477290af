/**
 * Training corpus: server/routing/corpus/<sector>.jsonl, one {"text","sector","serviceCode",
 * "style"} object per line. Loading is tolerant: files may be missing or still being written, so
 * invalid lines are skipped and reported as warnings instead of failing the run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SECTORS, type Sector } from '../../../shared/domain/sectors';
import { rng } from './linear';

export interface Example {
  text: string;
  sector: Sector;
  serviceCode: string | null;
  style?: string;
  /** Training weight (default 1): routing corrections weigh more than authored texts. */
  weight?: number;
}

export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));
const SERVICE_CODES_TSV = fileURLToPath(
  new URL('../../catalog/data/service-codes.tsv', import.meta.url),
);

const LineSchema = z.object({
  text: z.string().trim().min(1),
  sector: z.enum(SECTORS),
  serviceCode: z.string().nullish(),
  style: z.string().optional(),
});

/** Service code -> sector, from the catalog TSV (empty when the file is missing). */
export function loadServiceCodes(path = SERVICE_CODES_TSV): Map<string, Sector> {
  const out = new Map<string, Sector>();
  if (!existsSync(path)) return out;
  const sectors = new Set<string>(SECTORS);
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [code, sector] = line.split('\t');
    if (code && sector && sectors.has(sector)) out.set(code.trim(), sector as Sector);
  }
  return out;
}

export interface CorpusLoad {
  examples: Example[];
  warnings: string[];
  files: number;
}

export function loadCorpus(dir = DEFAULT_CORPUS_DIR): CorpusLoad {
  const warnings: string[] = [];
  const examples: Example[] = [];
  if (!existsSync(dir)) return { examples, warnings: [`corpus folder missing: ${dir}`], files: 0 };
  const codes = loadServiceCodes();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `${file}:${i + 1}`;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        // The last line of a file that is still being written may be cut off.
        warnings.push(`${where}: not JSON`);
        return;
      }
      const parsed = LineSchema.safeParse(raw);
      if (!parsed.success) {
        warnings.push(`${where}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        return;
      }
      const { text, sector, style } = parsed.data;
      let serviceCode = parsed.data.serviceCode ?? null;
      if (serviceCode !== null && codes.size > 0 && codes.get(serviceCode) !== sector) {
        warnings.push(`${where}: service code ${serviceCode} is not in sector ${sector}`);
        serviceCode = null;
      }
      examples.push({ text, sector, serviceCode, ...(style ? { style } : {}) });
    });
  }
  return { examples, warnings, files: files.length };
}

/** Seeded stratified split: `share` of every group (at least one when it has 2+) goes to test. */
export function stratifiedSplit<T>(
  items: readonly T[],
  key: (t: T) => string,
  share: number,
  seed: number,
): { train: T[]; test: T[] } {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = groups.get(k) ?? [];
    g.push(it);
    groups.set(k, g);
  }
  const rand = rng(seed);
  const train: T[] = [];
  const test: T[] = [];
  for (const k of [...groups.keys()].sort()) {
    const g = [...(groups.get(k) ?? [])];
    for (let i = g.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = g[i] as T;
      g[i] = g[j] as T;
      g[j] = t;
    }
    const nTest = g.length < 2 ? 0 : Math.max(1, Math.round(g.length * share));
    test.push(...g.slice(0, nTest));
    train.push(...g.slice(nTest));
  }
  return { train, test };
}
