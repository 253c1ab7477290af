import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Runtime configuration, read once from the environment. */
export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  /** Set: connect to this MongoDB. Unset: start the embedded FerretDB. */
  mongodbUri: string | undefined;
  sessionSecret: string;
  /** True when the secret was generated for this process (development only). */
  sessionSecretGenerated: boolean;
  dataDir: string;
  toolsDir: string;
  /** Origins allowed to send state-changing requests besides the request's own host. */
  allowedOrigins: string[];
  /** Seed demo data on an empty database (never in production). */
  seedDemo: boolean;
  trustProxy: boolean;
  loginRateLimit: number;
  /** Redis for several app processes (locks, tally, rate limits, Socket.IO adapter); unset: one process. */
  redisUrl: string | undefined;
  /** nodemailer SMTP URL, e.g. smtps://user:pass@mail.example.go.id; unset keeps mail queued. */
  smtpUrl: string | undefined;
  mailFrom: string;
}

export class ConfigError extends Error {}

const root = path.resolve(import.meta.dirname, '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const secret = env.SESSION_SECRET?.trim();
  if (nodeEnv === 'production') {
    if (!secret || secret.length < 32) {
      throw new ConfigError(
        'SESSION_SECRET wajib di produksi (minimal 32 karakter). / SESSION_SECRET is required in production (at least 32 characters), e.g. `openssl rand -hex 32`.',
      );
    }
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    env: nodeEnv,
    port,
    host: env.HOST ?? '0.0.0.0',
    mongodbUri: env.MONGODB_URI?.trim() || undefined,
    sessionSecret: secret || randomBytes(32).toString('hex'),
    sessionSecretGenerated: !secret,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(root, 'data')),
    toolsDir: path.resolve(env.TOOLS_DIR ?? path.join(root, '.tools')),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    seedDemo: nodeEnv !== 'production' && env.SEED_DEMO !== 'false',
    trustProxy: env.TRUST_PROXY === 'true',
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 10),
    redisUrl: env.REDIS_URL?.trim() || undefined,
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    mailFrom: env.MAIL_FROM ?? 'Forum Publik <no-reply@localhost>',
  };
}

export const projectRoot = root;
