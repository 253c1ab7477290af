import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ServiceInput } from '../../shared/schemas/catalog';
import { ServiceModel } from './service.model';

export const SHIPPED_CATALOG = path.join(import.meta.dirname, 'data', 'services.json');

/** Loads the shipped catalog (validated) into an empty services collection. */
export async function seedCatalog(log: (l: string) => void = () => undefined): Promise<number> {
  if (await ServiceModel.exists({})) return 0;
  if (!existsSync(SHIPPED_CATALOG)) return 0;
  const rows = ServiceInput.array().parse(JSON.parse(readFileSync(SHIPPED_CATALOG, 'utf8')));
  await ServiceModel.insertMany(rows, { ordered: false });
  log(`[seed] Service catalog: ${rows.length} services loaded`);
  return rows.length;
}
