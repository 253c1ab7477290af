import { User } from '../auth/user.model';
import { ConfigError } from '../config';
import { DEMO_ACCOUNTS } from './demo-data';

/**
 * Production refuses to start while an account with a published demo password exists: it is
 * the first thing anyone would try.
 */
export async function refuseDemoAccounts(): Promise<void> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const found = await User.find(
    { $or: [{ demo: true }, { email: { $in: emails } }] },
    {
      email: 1,
    },
  ).lean();
  if (!found.length) return;
  const list = found.map((u) => u.email).join(', ');
  throw new ConfigError(
    `Basis data memuat akun demo dengan kata sandi yang dipublikasikan (${list}): hapus dengan "npm run remove-demo" sebelum menjalankan produksi. / The database holds demo accounts with published passwords (${list}): delete them with "npm run remove-demo" before running in production.`,
  );
}
