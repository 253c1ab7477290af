import { catalogApi, errorMessage, type UppRef } from './api';

const STORAGE_KEY = 'fp.upp';

function storedUpp(): string {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The UPPs the signed-in staff member works for (GET /api/upps/mine) and the one in use. */
export const myUpps = $state<{ list: UppRef[] | null; selected: string; error: string | null }>({
  list: null,
  selected: storedUpp(),
  error: null,
});

let pending: Promise<void> | null = null;

export function loadMyUpps(): Promise<void> {
  if (pending) return pending;
  pending = catalogApi
    .myUpps()
    .then((r) => {
      myUpps.list = r.upps;
      myUpps.error = null;
      if (myUpps.selected && !r.upps.some((u) => u.id === myUpps.selected)) myUpps.selected = '';
      if (!myUpps.selected && r.upps[0]) myUpps.selected = r.upps[0].id;
    })
    .catch((err: unknown) => {
      myUpps.error = errorMessage(err);
      pending = null;
    });
  return pending;
}

/** Selects a UPP ('' = all of the user's UPPs) and remembers it for the next visit. */
export function selectUpp(id: string): void {
  myUpps.selected = id;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, id);
  } catch {
    // ignore
  }
}
