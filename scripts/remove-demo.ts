// Deletes the demo accounts (published passwords) so a production server may start:
// `npm run remove-demo`. Their forums and inputs stay; sessions of those accounts end.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { User } from '../server/auth/user.model';
import { SessionModel } from '../server/auth/session-store';
import { loadConfig } from '../server/config';
import { connectDb } from '../server/db/connect';
import { openDatabase } from '../server/db/database';
import { DEMO_ACCOUNTS } from '../server/seed/demo-data';

const config = loadConfig({
  ...process.env,
  SESSION_SECRET: process.env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
  SEED_DEMO: 'false',
});
const db = await openDatabase(config);
try {
  await connectDb(db.uri);
  const filter = { $or: [{ demo: true }, { email: { $in: DEMO_ACCOUNTS.map((a) => a.email) } }] };
  const found = await User.find(filter, { email: 1 });
  await SessionModel.deleteMany({ userId: { $in: found.map((u) => u._id.toString()) } });
  await User.deleteMany({ _id: { $in: found.map((u) => u._id) } });
  console.log(
    found.length
      ? `Akun demo dihapus / demo accounts deleted: ${found.map((u) => u.email).join(', ')}`
      : 'Tidak ada akun demo / no demo accounts.',
  );
} finally {
  await mongoose.disconnect();
  await db.stop();
}
