/**
 * Lets a promise run on without awaiting it; a rejection is reported on the console instead of
 * surfacing as an unhandled rejection. Use instead of a bare `void promise`.
 */
export function detach(p: Promise<unknown>, what: string): void {
  p.catch((err: unknown) => console.warn(`[${what}]`, err));
}
