import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Role } from '../../shared/domain/roles';
import { AppError, forbidden, unauthenticated } from './errors';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'user' | readonly Role[];

export interface RouteContext<B, Q, P> {
  req: Request;
  res: Response;
  body: B;
  query: Q;
  params: P;
  user: Express.User | undefined;
  /** Answers with this status instead of the route's (e.g. 200 for a replayed create). */
  setStatus(status: number): void;
}

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  /** Express path relative to /api, e.g. `/forums/:id`. */
  path: string;
  /** `resource.verb`, also the OpenAPI operationId. */
  name: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  /** HTTP status on success (200 by default). */
  status?: number;
  /** Middleware run before auth, e.g. a rate limiter. */
  before?: RequestHandler[];
  /**
   * Whether a successful call by staff is written to the audit log (default: every non-GET
   * call). Services that record a richer entry themselves set false.
   */
  audit?: boolean;
  handler: (ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>) => Promise<unknown> | unknown;
}

export interface RouteDoc {
  method: Method;
  path: string;
  name: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response?: z.ZodType;
  status: number;
}

function zodDetails(err: z.ZodError): { path: string; message: string }[] {
  return err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): unknown {
  if (!schema) return value;
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    const details = zodDetails(r.error);
    const first = details[0];
    const msg = first
      ? `Data tidak sah (${where}${first.path ? `: ${first.path}` : ''}): ${first.message}`
      : 'Data tidak sah.';
    throw new AppError(400, 'validation', msg, details);
  }
  return r.data;
}

export function checkAccess(access: Access, user: Express.User | undefined): void {
  if (access === 'public') return;
  if (!user) throw unauthenticated();
  if (access === 'user') return;
  if (!access.includes(user.role)) throw forbidden();
}

/** Records one staff action (wired to the audit log by the app). */
export type AuditHook = (user: Express.User, action: string, target: string) => Promise<void>;

/** A router whose routes also describe themselves for the OpenAPI document. */
export class Api {
  readonly router = Router();
  readonly docs: RouteDoc[] = [];

  constructor(private readonly auditHook?: AuditHook) {}

  route<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
    spec: RouteSpec<B, Q, P>,
  ): this {
    this.docs.push({ ...spec, status: spec.status ?? 200 });
    const handler: RequestHandler = async (req, res, next) => {
      try {
        checkAccess(spec.access, req.user);
        let explicit: number | undefined;
        const ctx = {
          setStatus: (status: number) => void (explicit = status),
          req,
          res,
          user: req.user,
          body: parse(spec.body, req.body, 'body') as z.output<B>,
          query: parse(spec.query, req.query, 'query') as z.output<Q>,
          params: parse(spec.params, req.params, 'path') as z.output<P>,
        };
        const result = await spec.handler(ctx);
        const audited = spec.audit ?? spec.method !== 'get';
        if (audited && req.user && req.user.role !== 'citizen' && this.auditHook) {
          // The action is stored already: a failed audit write is logged, not shown as a failure.
          await this.auditHook(req.user, spec.name, req.originalUrl.split('?')[0] ?? '').catch(
            (err: unknown) => console.error('[audit] could not record', spec.name, err),
          );
        }
        if (res.headersSent) return;
        // A handler may have set its own status (e.g. 503 from health).
        const status = explicit ?? (res.statusCode !== 200 ? res.statusCode : spec.status);
        if (result === undefined) res.status(status ?? 204).end();
        else res.status(status ?? 200).json(result);
      } catch (err) {
        next(err);
      }
    };
    this.router[spec.method](spec.path, ...(spec.before ?? []), handler);
    return this;
  }
}
