/** Keys that prototype pollution uses. */
const PROTO_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep a request body or socket payload may nest (ours nest three levels at most). */
export const MAX_DEPTH = 16;

/**
 * The first key of a JSON value that must not reach a query or an object merge: a MongoDB
 * operator (`$gt`), a dotted path (`a.b`), or a prototype-pollution key (`__proto__`,
 * `constructor`, `prototype`); `(depth)` for a value nested deeper than MAX_DEPTH. Null when
 * the value is clean.
 */
export function forbiddenKey(value: unknown, depth = 0): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return '(depth)';
  if (Array.isArray(value)) {
    for (const v of value) {
      const k = forbiddenKey(v, depth + 1);
      if (k) return k;
    }
    return null;
  }
  // Own keys only, including a `__proto__` that JSON.parse made an own property. A query key
  // like `a[__proto__]` or `a[$ne]` is judged by each of its bracketed parts.
  for (const k of Object.keys(value)) {
    const parts = k.split(/[[\]]+/).filter(Boolean);
    if (k.includes('.') || parts.some((p) => p.startsWith('$') || PROTO_KEYS.has(p))) return k;
    const inner = forbiddenKey((value as Record<string, unknown>)[k], depth + 1);
    if (inner) return inner;
  }
  return null;
}
