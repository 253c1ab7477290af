import { log } from '../lib/logger';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AuthUser } from '../auth/types';
import type { LimitKind } from '../live/limits';
import { forbidden, invalid, notFound, unauthenticated } from './errors';
import type { Gate, Policy, ResourceKind } from './policy';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteContext<B, Q, P, U, R> {
  req: Request;
  res: Response;
  body: B;
  query: Q;
  params: P;
  /** The caller: never undefined on a route whose policy is not public. */
  user: U;
  /** What the policy loaded and allowed (the forum, the case, the caller's scope...). */
  resource: R;
  /** Answers with this status instead of the route's (e.g. 200 for a replayed create). */
  setStatus(status: number): void;
}

export interface RouteSpec<
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  U extends AuthUser | undefined,
  R,
> {
  method: Method;
  /** Express path relative to /api, e.g. `/forums/:id`. */
  path: string;
  /** `resource.verb`, also the OpenAPI operationId. */
  name: string;
  summary: string;
  tag: string;
  /**
   * Who may call, over which resource (required: a route without a policy does not compile,
   * and the authorization matrix test fails for a route without a row).
   */
  policy: Policy<U, R, { params: z.output<P>; query: z.output<Q>; body: z.output<B> }>;
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  /** HTTP status on success (200 by default). */
  status?: number;
  /** Middleware run before auth, e.g. a body parser of its own. */
  before?: RequestHandler[];
  /**
   * The abuse limit taken before the handler runs (server/live/limits.ts). Default: `read` for
   * public GETs, `account` (per account) behind a gate; public writes must name theirs.
   */
  limit?: LimitKind | false;
  /**
   * Whether a successful call by staff is written to the audit log (default: every non-GET
   * call). Services that record a richer entry themselves set false.
   */
  audit?: boolean;
  handler: (
    ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>, U, R>,
  ) => Promise<unknown> | unknown;
}

export interface RouteDoc {
  method: Method;
  path: string;
  name: string;
  summary: string;
  tag: string;
  /** Who may call at all. */
  gate: Gate;
  /** What the route acts on and the rule over it. */
  resource: ResourceKind;
  rule: string;
  /** The abuse limit of the route, or false. */
  limit: LimitKind | false;
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
    throw first
      ? invalid(
          'validation',
          { where: `${where}${first.path ? `: ${first.path}` : ''}`, problem: first.message },
          details,
        )
      : invalid('invalid_data', {}, details);
  }
  return r.data;
}

/** The gate: 401 without a session where one is needed, 403 for another role. */
export function checkGate(gate: Gate, user: AuthUser | undefined): void {
  if (gate === 'public') return;
  if (!user) throw unauthenticated();
  if (gate === 'user') return;
  if (!gate.includes(user.role)) throw forbidden();
}

interface AnyPolicy {
  gate: Gate;
  deny?: 'forbidden' | 'not_found';
  load(input: unknown): unknown;
  allow(user: unknown, resource: unknown): boolean;
}

/** Records one staff action (wired to the audit log by the app). */
export type AuditHook = (user: Express.User, action: string, target: string) => Promise<void>;

/** Takes one point of an abuse limit for a request (wired to the coordinator by the app). */
export type LimitHook = (kind: LimitKind, req: Request) => Promise<void>;

/** The limit a route takes when it names none. */
function defaultLimit(method: Method, gate: Gate): LimitKind | false {
  if (gate !== 'public') return 'account';
  return method === 'get' ? 'read' : false;
}

/** A router whose routes also describe themselves for the OpenAPI document. */
export class Api {
  readonly router = Router();
  readonly docs: RouteDoc[] = [];
  private readonly auditHook?: AuditHook;
  private readonly limitHook?: LimitHook;

  constructor(hooks: { audit?: AuditHook; limit?: LimitHook } = {}) {
    this.auditHook = hooks.audit;
    this.limitHook = hooks.limit;
  }

  route<
    B extends z.ZodType,
    Q extends z.ZodType,
    P extends z.ZodType,
    U extends AuthUser | undefined,
    R,
  >(spec: RouteSpec<B, Q, P, U, R>): this {
    const policy = spec.policy as unknown as AnyPolicy & { resource: ResourceKind; rule: string };
    if (!policy || typeof policy.load !== 'function' || typeof policy.allow !== 'function') {
      throw new Error(`route ${spec.name} has no policy: it is not registered`);
    }
    const limit = spec.limit ?? defaultLimit(spec.method, policy.gate);
    this.docs.push({
      method: spec.method,
      path: spec.path,
      name: spec.name,
      summary: spec.summary,
      tag: spec.tag,
      body: spec.body,
      query: spec.query,
      params: spec.params,
      response: spec.response,
      gate: policy.gate,
      resource: policy.resource,
      rule: policy.rule,
      limit,
      status: spec.status ?? 200,
    });
    const handler: RequestHandler = async (req, res, next) => {
      try {
        checkGate(policy.gate, req.user);
        if (limit && this.limitHook) await this.limitHook(limit, req);
        let explicit: number | undefined;
        const input = {
          req,
          user: req.user,
          body: parse(spec.body, req.body, 'body') as z.output<B>,
          query: parse(spec.query, req.query, 'query') as z.output<Q>,
          params: parse(spec.params, req.params, 'path') as z.output<P>,
        };
        const resource = await policy.load(input);
        if (!policy.allow(req.user, resource)) {
          throw policy.deny === 'not_found' ? notFound() : forbidden();
        }
        const ctx = {
          ...input,
          user: req.user as U,
          resource: resource as R,
          setStatus: (status: number) => void (explicit = status),
          res,
        };
        const result = await spec.handler(ctx);
        const audited = spec.audit ?? spec.method !== 'get';
        if (audited && req.user && req.user.role !== 'citizen' && this.auditHook) {
          // The action is stored already: a failed audit write is logged, not shown as a failure.
          await this.auditHook(req.user, spec.name, req.originalUrl.split('?')[0] ?? '').catch(
            (err: unknown) =>
              log.error({ scope: 'audit', route: spec.name, err }, 'could not record'),
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
