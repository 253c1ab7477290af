import { z } from 'zod';
import { ErrorBody } from '../../shared/schemas/common';
import type { RouteDoc } from './api';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
  delete (json as { $schema?: string }).$schema;
  return json as JsonSchema;
}

function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] ?? '');
}

/** Builds an OpenAPI 3 document from the route registry (the same zod schemas that validate). */
export function buildOpenApi(routes: RouteDoc[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  for (const r of routes) {
    const oaPath = '/api' + r.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = pathParams(r.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (r.query) {
      const q = toSchema(r.query, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({
          name,
          in: 'query',
          required: q.required?.includes(name) ?? false,
          schema,
        });
      }
    }
    const responses: Record<string, unknown> = {
      [String(r.status)]: r.response
        ? {
            description: 'OK',
            content: { 'application/json': { schema: toSchema(r.response, 'output') } },
          }
        : { description: 'OK' },
      '400': {
        description: 'Invalid input',
        content: { 'application/json': { schema: errorRef } },
      },
    };
    if (r.gate !== 'public') {
      responses['401'] = {
        description: 'Not signed in',
        content: { 'application/json': { schema: errorRef } },
      };
      responses['403'] = {
        description: 'Not allowed',
        content: { 'application/json': { schema: errorRef } },
      };
    }
    (paths[oaPath] ??= {})[r.method] = {
      operationId: r.name,
      summary: r.summary,
      tags: [r.tag],
      'x-access': r.gate,
      'x-resource': r.resource,
      'x-policy': r.rule,
      ...(r.limit ? { 'x-rate-limit': r.limit } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(r.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Forum Publik API',
      version,
      description:
        'API platform Forum Konsultasi Publik. Errors are `{ "error": { "code", "message" } }`.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: { Error: toSchema(ErrorBody, 'output') },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fp.sid' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
