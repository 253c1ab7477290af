import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { LIMITS } from './limits';

/** Email, trimmed and lowercased. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax)
  .pipe(z.email({ message: 'Alamat email tidak sah' }));

export const Password = z
  .string()
  .min(LIMITS.passwordMin, { message: `Kata sandi minimal ${LIMITS.passwordMin} karakter` })
  .max(LIMITS.passwordMax);

/** POST /api/auth/login */
export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1, { message: 'Kata sandi wajib diisi' }).max(LIMITS.passwordMax),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** POST /api/auth/register: a citizen creates an account (optional; forums never require it). */
export const RegisterBody = z.strictObject({
  email: Email,
  password: Password,
  /** Name shown next to the citizen's inputs. */
  displayName: z.string().trim().min(1).max(LIMITS.displayNameMax),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

/** The signed-in user as the API shows it. */
/** What every view of an account shows: who, which role, and its scope. */
export const UserCore = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  /** UPPs the user works for. */
  uppIds: z.array(z.string()),
  /** The agency of an agency admin. */
  agencyId: z.string().nullable(),
});

export const SessionUser = UserCore.extend({
  /** Where the user's home page is. */
  home: z.string(),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** GET /api/auth/me */
export const MeResponse = z.object({
  user: SessionUser.nullable(),
  /** The anonymous participant id (cookie) of this browser. */
  participantId: z.string().nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** POST /api/auth/password: change one's own password (other sessions end). */
export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: Password,
});
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;
