import type { Request } from 'express';
import passport from 'passport';
import type {
  LoginBody,
  PasswordChangeBody,
  RegisterBody,
  SessionUser,
} from '../../shared/schemas/auth';
import { ROLE_HOME } from '../../shared/domain/roles';
import { conflict, invalid, unauthenticated } from '../http/errors';
import { cleanLine } from '../lib/sanitize';
import { hashPassword, verifyPassword } from './password';
import { toAuthUser } from './passport';
import type { AuthUser } from './types';
import { User } from './user.model';

export function presentUser(u: AuthUser): SessionUser {
  return { ...u, home: ROLE_HOME[u.role] };
}

function authenticate(req: Request): Promise<AuthUser | false> {
  return new Promise((resolve, reject) => {
    passport.authenticate('local', (err: unknown, user: AuthUser | false) =>
      err ? reject(err) : resolve(user),
    )(req, req.res, () => undefined);
  });
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((e) => (e ? reject(e) : resolve())),
  );
}

function logIn(req: Request, user: AuthUser): Promise<void> {
  return new Promise((resolve, reject) => req.logIn(user, (e) => (e ? reject(e) : resolve())));
}

/** Checks the credentials, regenerates the session id and signs the user in. */
export async function login(req: Request, body: LoginBody): Promise<AuthUser> {
  req.body = body;
  const user = await authenticate(req);
  if (!user) {
    throw unauthenticated('bad_credentials');
  }
  // passport 0.7 regenerates inside logIn too; we do it explicitly to drop any pre-login data.
  await regenerate(req);
  await logIn(req, user);
  await User.updateOne({ _id: user.id }, { $set: { lastLoginAt: new Date() } });
  return user;
}

/** Ends the session; returns its id so its sockets can be disconnected. */
export async function logout(req: Request): Promise<string> {
  const sid = req.sessionID;
  await new Promise<void>((resolve, reject) => req.logout((e) => (e ? reject(e) : resolve())));
  await new Promise<void>((resolve, reject) =>
    req.session.destroy((e: unknown) => (e ? reject(e) : resolve())),
  );
  return sid;
}

/** A citizen registers (optional: forums never require an account). */
export async function register(req: Request, body: RegisterBody): Promise<AuthUser> {
  if (await User.exists({ email: body.email })) {
    throw conflict('email_taken');
  }
  // The name is shown next to the citizen's inputs: plain text, like everything people type.
  const displayName = cleanLine(body.displayName).slice(0, 80);
  if (!displayName) throw invalid('name_required');
  const doc = await User.create({
    email: body.email,
    displayName,
    passwordHash: await hashPassword(body.password),
    role: 'citizen',
  });
  const user = toAuthUser(doc);
  await regenerate(req);
  await logIn(req, user);
  return user;
}

/** Changes the signed-in user's password after checking the current one. */
export async function changePassword(user: AuthUser, body: PasswordChangeBody): Promise<void> {
  const doc = await User.findById(user.id);
  if (!doc || !(await verifyPassword(body.currentPassword, doc.passwordHash))) {
    throw invalid('current_password_wrong');
  }
  if (body.currentPassword === body.newPassword) {
    throw invalid('password_unchanged');
  }
  doc.passwordHash = await hashPassword(body.newPassword);
  await doc.save();
}
