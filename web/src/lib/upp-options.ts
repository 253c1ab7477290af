import { catalogApi, reportApi, type CatalogService } from './api';
import { adminApi } from './api-staff';
import { session } from './session.svelte';

/** A UPP to route to. `serviceCodes` is known to staff (null: cannot filter by service). */
export type UppOption = {
  id: string;
  name: string;
  agencyId: string | null;
  agencyName: string | null;
  serviceCodes: string[] | null;
};

let uppsPromise: Promise<UppOption[]> | null = null;
let servicesPromise: Promise<CatalogService[]> | null = null;

/**
 * All UPPs for routing pickers: staff read GET /api/admin/upps (with the services each UPP
 * delivers); anyone else reads the public list GET /api/public/upps.
 */
export function loadUppOptions(): Promise<UppOption[]> {
  if (!uppsPromise) {
    const isStaff = !!session.user && session.user.role !== 'citizen';
    uppsPromise = (
      isStaff
        ? adminApi.upps().then((r) =>
            r.upps.map((u) => ({
              id: u.id,
              name: u.name,
              agencyId: u.agencyId,
              agencyName: u.agencyName,
              serviceCodes: u.serviceCodes,
            })),
          )
        : reportApi.publicUpps().then((r) =>
            r.upps.map((u) => ({
              id: u.id,
              name: u.name,
              agencyId: null,
              agencyName: u.agencyName,
              serviceCodes: null,
            })),
          )
    ).catch((err: unknown) => {
      uppsPromise = null;
      throw err;
    });
  }
  return uppsPromise;
}

/** The service catalog summary (code, name, sector), loaded once. */
export function loadServices(): Promise<CatalogService[]> {
  if (!servicesPromise) {
    servicesPromise = catalogApi
      .services()
      .then((r) => r.services)
      .catch((err: unknown) => {
        servicesPromise = null;
        throw err;
      });
  }
  return servicesPromise;
}

/** Forgets cached pickers (e.g. after the catalog or the UPP list changed). */
export function resetPickers(): void {
  uppsPromise = null;
  servicesPromise = null;
}
