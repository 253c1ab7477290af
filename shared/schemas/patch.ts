import { z } from 'zod';

/** The fields of a PATCH body made from a create schema's shape: optional, without defaults. */
export type PatchShape<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer T> ? T : S[K]>;
};

/**
 * The PATCH body of an object schema: every field optional and **no defaults**, so a field
 * that was not sent stays absent after parsing and is not written (`.partial()` keeps the
 * defaults, and a title edit would then reset the address or the settings). Nested objects
 * with defaults get their own `patchOf` where the update schema names them.
 */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    shape[key] = (inner as z.ZodType).optional();
  }
  return z.strictObject(shape as PatchShape<S>);
}

/** Whether a schema, or any schema inside it, fills in a default (update schemas must not). */
export function hasDefault(schema: unknown): boolean {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return true;
  if (schema instanceof z.ZodObject)
    return Object.values(schema.shape as Record<string, unknown>).some(hasDefault);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return hasDefault(schema.unwrap());
  if (schema instanceof z.ZodArray) return hasDefault(schema.element);
  if (schema instanceof z.ZodPipe) return hasDefault(schema.in) || hasDefault(schema.out);
  return false;
}
