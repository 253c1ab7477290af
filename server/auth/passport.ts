import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { verifyPassword } from './password';
import { User, type UserDoc } from './user.model';
import type { AuthUser } from './types';

export function toAuthUser(u: UserDoc): AuthUser {
  return {
    id: u._id.toString(),
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    uppIds: u.uppIds.map((id) => id.toString()),
    agencyId: u.agencyId ? u.agencyId.toString() : null,
  };
}

// A real hash of a random string, so unknown emails cost the same time as wrong passwords.
const DUMMY_HASH =
  'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$' +
  'K0Yq3hY4WZ1N0ZsS1S4o4xvGJtDkq0h7m7cUj8X2GfM9b2mVdR4p3a8cVw0e9uB7yZ1q2w3e4r5t6y7u8i9o0p==';

export function configurePassport(): typeof passport {
  passport.use(
    new LocalStrategy({ usernameField: 'email' }, (email, password, done) => {
      User.findOne({ email: email.trim().toLowerCase() })
        .then(async (user) => {
          const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
          if (!user || !ok || !user.active) return done(null, false);
          done(null, toAuthUser(user));
        })
        .catch((err: unknown) => done(err));
    }),
  );
  passport.serializeUser((user, done) => done(null, user.id));
  passport.deserializeUser((id: string, done) => {
    User.findById(id)
      .then((u) => done(null, u && u.active ? toAuthUser(u) : false))
      .catch((err: unknown) => done(err));
  });
  return passport;
}
