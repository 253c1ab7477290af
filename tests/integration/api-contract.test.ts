import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_CONTRACT, type RouteSchemas } from '../../shared/api/contract';
import { API_PATHS, type ApiName } from '../../shared/api/paths';
import { startTestApp, type TestApp } from '../helpers/testApp';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

/** A schema as JSON Schema, so that two separately written zod schemas compare by shape. */
function json(schema: z.ZodType | undefined, io: 'input' | 'output'): unknown {
  return schema ? z.toJSONSchema(schema, { io, unrepresentable: 'any' }) : null;
}

/**
 * The web client's types come from shared/api (paths + contract): each of its routes must be
 * registered by the server under the same name, method and path, with the same schemas.
 */
describe('the typed client contract', () => {
  const names = Object.keys(API_PATHS) as ApiName[];

  it('names only routes the server registers, with their method and path', () => {
    const docs = new Map(app.api.docs.map((d) => [d.name, d]));
    const got = names.map((n) => {
      const d = docs.get(n);
      return [n, d ? [d.method.toUpperCase(), d.path] : null];
    });
    expect(Object.fromEntries(got)).toEqual(
      Object.fromEntries(names.map((n) => [n, [...API_PATHS[n]]])),
    );
  });

  it.each(names)('%s: body, query and answer are the server’s schemas', (name) => {
    const doc = app.api.docs.find((d) => d.name === name);
    const route: RouteSchemas = API_CONTRACT[name];
    expect({
      body: json(route.body, 'input'),
      query: json(route.query, 'input'),
      response: json(route.response, 'output'),
    }).toEqual({
      body: json(doc?.body, 'input'),
      query: json(doc?.query, 'input'),
      response: json(doc?.response, 'output'),
    });
  });
});
