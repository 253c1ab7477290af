import { log } from '../lib/logger';
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { JoinCode } from '../../shared/schemas/forum';
import { ObjectIdString } from '../../shared/schemas/common';
import { InputCreate } from '../../shared/schemas/input';
import {
  CITIZEN_PORT,
  type CitizenPort,
  type PortError,
  type PortResult,
  type WithCitizenPort,
} from '../../shared/web-port';
import type { ServiceContext } from '../context';
import { getByCode, snapshot } from '../forums/forum.service';
import { submitInput } from '../forums/input.service';
import { viewerKey, viewerOf, type Viewer } from '../forums/viewer';
import { AppError, dbUnavailable, INTERNAL, invalid, notFound } from '../http/errors';
import type { ErrorReason } from '../../shared/errors';
import { isDbUnavailable } from '../db/unavailable';
import type { LimitKeys } from '../live/limits';

/** An error as the JSON API's error handler would answer it. */
function toPortError(caught: unknown): PortError {
  const err = isDbUnavailable(caught) ? dbUnavailable() : caught;
  if (err instanceof AppError) return { status: err.status, ...err.toJSON() };
  log.error({ scope: 'web', err }, 'citizen page failed');
  return { status: 500, ...INTERNAL };
}

async function run<T>(task: () => Promise<T>): Promise<PortResult<T>> {
  try {
    return { ok: true, data: await task() };
  } catch (err) {
    return { ok: false, error: toPortError(err) };
  }
}

/** A malformed id or code in a page address is a page that does not exist. */
function parseOr404<S extends z.ZodType>(
  schema: S,
  value: string,
  reason: ErrorReason,
): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw notFound(reason);
  return r.data;
}

/**
 * The services of a citizen page, bound to one request's viewer, with the abuse limits the JSON
 * API routes take (`read` for a page, `submit` for a post).
 */
export function citizenPort(ctx: ServiceContext, viewer: Viewer, keys: LimitKeys): CitizenPort {
  return {
    snapshot: (forumId) =>
      run(async () => {
        await ctx.limits.take('read', keys);
        return snapshot(ctx, viewer, parseOr404(ObjectIdString, forumId, 'forum_not_found'));
      }),
    forumByCode: (code) =>
      run(async () => {
        await ctx.limits.take('read', keys);
        return getByCode(
          ctx,
          viewer,
          parseOr404(JoinCode, code.toUpperCase(), 'forum_code_not_found'),
        );
      }),
    submitInput: (forumId, body) =>
      run(async () => {
        const id = parseOr404(ObjectIdString, forumId, 'forum_not_found');
        const parsed = InputCreate.safeParse(body);
        if (!parsed.success) {
          const details = parsed.error.issues.map((i) => ({
            path: i.path.join('.'),
            message: i.message,
          }));
          // The page shows its own text beside each field (details); zod's words stay out of it.
          throw invalid('invalid_data', {}, details);
        }
        await ctx.limits.take('submit', keys);
        return submitInput(ctx, viewer, id, parsed.data);
      }),
  };
}

/** Paths of the server-rendered citizen pages (and their `__data.json` and form actions). */
const CITIZEN_PAGE = /^\/(f|j)\/[^/]+\/?(__data\.json)?$/;

export function isCitizenPage(path: string): boolean {
  return CITIZEN_PAGE.test(path);
}

/**
 * Lends the citizen port to SvelteKit on citizen pages: the request's session (a signed-in
 * citizen's own inputs) and participant cookie decide the viewer, as for the JSON API.
 */
export function citizenPages(ctx: ServiceContext, session: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    if (!isCitizenPage(req.path)) return next();
    const attach = (): void => {
      const viewer = viewerOf(req);
      const keys = { participant: viewerKey(viewer), address: req.ip, user: req.user?.id };
      (req as Request & WithCitizenPort)[CITIZEN_PORT] = citizenPort(ctx, viewer, keys);
      next();
    };
    const chain = [...session];
    const step = (err?: unknown): void => {
      if (err) return next(err);
      const mw = chain.shift();
      if (!mw) return attach();
      void mw(req, res, step);
    };
    step();
  };
}
