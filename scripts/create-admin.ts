// Creates a platform admin with a one-time random password: `npm run create-admin -- email [name]`.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { Email } from '../shared/schemas/auth';
import { hashPassword } from '../server/auth/password';
import { User } from '../server/auth/user.model';
import { loadConfig } from '../server/config';
import { connectDb, ensureIndexes } from '../server/db/connect';
import { openDatabase } from '../server/db/database';
import { ensurePushdownIndexes } from '../server/db/pushdownIndexes';

const [emailArg, ...nameParts] = process.argv.slice(2);
const email = Email.safeParse(emailArg ?? '');
if (!email.success) {
  console.error('Usage: npm run create-admin -- admin@instansi.go.id [Display Name]');
  process.exit(2);
}
const config = loadConfig({
  ...process.env,
  SESSION_SECRET: process.env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
});
// Uses the database of a server running on DATA_DIR if there is one.
const db = await openDatabase(config);
try {
  await connectDb(db.uri);
  await ensureIndexes();
  await ensurePushdownIndexes(db.postgresUrl);
  if (await User.exists({ email: email.data })) {
    console.error(`An account with ${email.data} already exists.`);
    process.exitCode = 1;
  } else {
    const password = randomBytes(12).toString('base64url');
    await User.create({
      email: email.data,
      displayName: nameParts.join(' ') || 'Admin',
      role: 'platform_admin',
      passwordHash: await hashPassword(password),
    });
    console.log(
      `Platform admin created: ${email.data}\nOne-time password: ${password}\nChange it after the first login.`,
    );
  }
} finally {
  await mongoose.disconnect();
  await db.stop();
}
