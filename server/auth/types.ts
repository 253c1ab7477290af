import type { Role } from '../../shared/domain/roles';

/** What a request knows about its signed-in user (loaded fresh from the database each request). */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  uppIds: string[];
  agencyId: string | null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends AuthUser {}
    interface Request {
      /** The anonymous participant id from the signed participant cookie. */
      participantId?: string;
    }
  }
}
