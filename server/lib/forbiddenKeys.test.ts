import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbiddenKey, MAX_DEPTH } from './forbiddenKeys';

const safeKey = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,12}$/)
  .filter((k) => !['constructor', 'prototype'].includes(k));
const badKey = fc.oneof(
  fc.stringMatching(/^\$[a-z]{1,8}$/),
  fc.stringMatching(/^[a-z]{1,5}\.[a-z]{1,5}$/),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$gt', 'a.b'),
);
const leaf = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
/** JSON values whose keys are all safe. */
const clean = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(safeKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Puts `key` somewhere inside `value` (at the top, or in a nested object or array). */
function plant(value: unknown, key: string, path: number[]): unknown {
  const [step, ...rest] = path;
  if (step === undefined || value === null || typeof value !== 'object') {
    return JSON.parse(`{${JSON.stringify(key)}: 1, "inner": ${JSON.stringify(value ?? null)}}`);
  }
  if (Array.isArray(value)) {
    if (!value.length) return [plant(null, key, [])];
    const i = step % value.length;
    return value.map((v, j) => (j === i ? plant(v, key, rest) : v));
  }
  const keys = Object.keys(value);
  if (!keys.length) return plant(null, key, []);
  const k = keys[step % keys.length]!;
  return { ...value, [k]: plant((value as Record<string, unknown>)[k], key, rest) };
}

describe('forbiddenKey (fast-check)', () => {
  it('accepts any value whose keys are plain', () => {
    fc.assert(
      fc.property(clean, (v) => {
        expect(forbiddenKey(JSON.parse(JSON.stringify(v)))).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('finds an operator, dotted or prototype key wherever it is planted (as JSON.parse makes it)', () => {
    fc.assert(
      fc.property(clean, badKey, fc.array(fc.nat(), { maxLength: 5 }), (v, key, path) => {
        expect(forbiddenKey(plant(v, key, path))).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses absurd nesting', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH + 2; i += 1) deep = { a: deep };
    expect(forbiddenKey(deep)).toBe('(depth)');
    expect(forbiddenKey({ a: { b: [1, { c: 2 }] } })).toBeNull();
  });
});
