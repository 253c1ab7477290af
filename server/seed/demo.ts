import { Agency } from '../admin/agency.model';
import { Upp } from '../admin/upp.model';
import { hashPassword } from '../auth/password';
import { User } from '../auth/user.model';
import { DEMO_ACCOUNTS, DEMO_AGENCY, DEMO_UPPS } from './demo-data';
import type { ServiceContext } from '../context';
import { seedDemoForums } from './demo-forums';

export interface SeedOptions {
  log?: (line: string) => void;
  /** Services used to add the demo inputs (so they are routed like real ones). */
  ctx: ServiceContext;
}

/** Seeds the demo on an empty database (no users yet); does nothing otherwise. */
export async function seedDemo(opts: SeedOptions): Promise<boolean> {
  const log = opts.log ?? (() => undefined);
  if (await User.exists({})) return false;
  log('[seed] Empty database: creating the demo (agency, UPPs, accounts, forums)...');
  const agency = await Agency.create(DEMO_AGENCY);
  const upps = new Map<string, string>();
  for (const u of DEMO_UPPS) {
    const doc = await Upp.create({ ...u, agencyId: agency._id, region: DEMO_AGENCY.region });
    upps.set(u.slug, doc._id.toString());
  }
  const users = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const doc = await User.create({
      email: a.email,
      displayName: a.displayName,
      role: a.role,
      passwordHash: await hashPassword(a.password),
      uppIds: a.upps.map((s) => upps.get(s)!),
      agencyId: a.role === 'agency_admin' ? agency._id : undefined,
      demo: true,
    });
    users.set(a.role, doc._id.toString());
  }
  const forums = await seedDemoForums({ upps, users }, opts.ctx);
  log('[seed] Demo accounts (DEMO ONLY, never use in production):');
  for (const a of DEMO_ACCOUNTS)
    log(`[seed]   ${a.role.padEnd(12)} ${a.email.padEnd(32)} ${a.password}`);
  if (forums)
    log(`[seed] Live demo forum: join code ${forums.liveCode} (open /j/${forums.liveCode})`);
  return true;
}
