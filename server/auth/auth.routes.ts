import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import {
  LoginBody,
  MeResponse,
  PasswordChangeBody,
  RegisterBody,
  SessionUser,
} from '../../shared/schemas/auth';
import type { Api } from '../http/api';
import { AppError } from '../http/errors';
import { changePassword, login, logout, presentUser, register } from './auth.service';

export interface AuthRouteDeps {
  loginRateLimit: number;
  /** Disconnects every socket of a session (called at logout). */
  disconnectSession: (sid: string) => void;
  /** Ends every other session of a user (after a password change). */
  endOtherSessions: (userId: string, keepSid: string) => Promise<void>;
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
    method: 'post',
    path: '/auth/password',
    name: 'auth.password',
    summary: "Change one's own password; the user's other sessions end",
    tag: 'auth',
    access: 'user',
    before: [limiter],
    body: PasswordChangeBody,
    handler: async ({ req, user, body }) => {
      await changePassword(user!, body);
      await deps.endOtherSessions(user!.id, req.sessionID);
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
