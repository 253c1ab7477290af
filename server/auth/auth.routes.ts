import { z } from 'zod';
import {
  LoginBody,
  MeResponse,
  PasswordChangeBody,
  RegisterBody,
  SessionUser,
} from '../../shared/schemas/auth';
import type { Api } from '../http/api';
import { anyone, ownThings, signedIn } from '../http/policy';
import { changePassword, login, logout, presentUser, register } from './auth.service';
import type { LoginThrottle } from './login.throttle';

export interface AuthRouteDeps {
  throttle: LoginThrottle;
  /** Disconnects every socket of a session (called at logout). */
  disconnectSession: (sid: string) => void;
  /** Ends every other session of a user (after a password change). */
  endOtherSessions: (userId: string, keepSid: string) => Promise<void>;
}

export function authRoutes(api: Api, deps: AuthRouteDeps): void {
  api.route({
    method: 'post',
    path: '/auth/login',
    name: 'auth.login',
    summary: 'Sign in with email and password (failures limited per account and per address)',
    tag: 'auth',
    policy: anyone(),
    // Limited by the login throttle: failures per account+address, account, address.
    limit: false,
    body: LoginBody,
    response: z.object({ user: SessionUser }),
    handler: async ({ req, body }) => ({
      user: presentUser(
        await deps.throttle.login(body.email, req.ip ?? 'unknown', () => login(req, body)),
      ),
    }),
  });

  api.route({
    method: 'post',
    path: '/auth/register',
    name: 'auth.register',
    summary: 'Register a citizen account (optional)',
    tag: 'auth',
    policy: anyone(),
    limit: 'register',
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
    policy: ownThings('anyone, on their own session'),
    limit: 'citizen',
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
    policy: signedIn(),
    body: PasswordChangeBody,
    handler: async ({ req, user, body }) => {
      await deps.throttle.passwordChange(user.id, () => changePassword(user, body));
      await deps.endOtherSessions(user.id, req.sessionID);
      return undefined;
    },
  });

  api.route({
    method: 'get',
    path: '/auth/me',
    name: 'auth.me',
    summary: 'The signed-in user and the anonymous participant id',
    tag: 'auth',
    policy: ownThings('anyone, about themselves'),
    response: MeResponse,
    handler: ({ req }) => ({
      user: req.user ? presentUser(req.user) : null,
      participantId: req.participantId ?? null,
    }),
  });
}
