import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { LoginBody, MeResponse, RegisterBody, SessionUser } from '../../shared/schemas/auth';
import type { Api } from '../http/api';
import { AppError } from '../http/errors';
import { login, logout, presentUser, register } from './auth.service';

export interface AuthRouteDeps {
  loginRateLimit: number;
  /** Disconnects every socket of a session (called at logout). */
  disconnectSession: (sid: string) => void;
}

export function authRoutes(api: Api, deps: AuthRouteDeps): void {
  const limiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: deps.loginRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    handler: (_req, _res, next) =>
      next(
        new AppError(
          429,
          'rate_limited',
          'Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.',
        ),
      ),
  });

  api.route({
    method: 'post',
    path: '/auth/login',
    name: 'auth.login',
    summary: 'Sign in with email and password',
    tag: 'auth',
    access: 'public',
    before: [limiter],
    body: LoginBody,
    response: z.object({ user: SessionUser }),
    handler: async ({ req, body }) => ({ user: presentUser(await login(req, body)) }),
  });

  api.route({
    method: 'post',
    path: '/auth/register',
    name: 'auth.register',
    summary: 'Register a citizen account (optional)',
    tag: 'auth',
    access: 'public',
    before: [limiter],
    body: RegisterBody,
    status: 201,
    response: z.object({ user: SessionUser }),
    handler: async ({ req, body }) => ({ user: presentUser(await register(req, body)) }),
  });

  api.route({
    method: 'post',
    path: '/auth/logout',
    name: 'auth.logout',
    summary: 'Sign out; the session and its sockets end',
    tag: 'auth',
    access: 'public',
    handler: async ({ req, res }) => {
      const sid = await logout(req);
      deps.disconnectSession(sid);
      res.clearCookie('fp.sid', { path: '/' });
      return undefined;
    },
  });

  api.route({
    method: 'get',
    path: '/auth/me',
    name: 'auth.me',
    summary: 'The signed-in user and the anonymous participant id',
    tag: 'auth',
    access: 'public',
    response: MeResponse,
    handler: ({ req }) => ({
      user: req.user ? presentUser(req.user) : null,
      participantId: req.participantId ?? null,
    }),
  });
}
