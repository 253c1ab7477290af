import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './lib/logger';

/** Runtime configuration, read once from the environment (`loadConfig`). */
export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  /** Whether `host` only accepts connections from this machine. */
  loopbackOnly: boolean;
  /** Set: connect to this MongoDB. Unset: start the embedded FerretDB. */
  mongodbUri: string | undefined;
  sessionSecret: string;
  /** True when the secret was generated for this process (development only). */
  sessionSecretGenerated: boolean;
  dataDir: string;
  toolsDir: string;
  /** Origins allowed to send state-changing requests besides the request's own host. */
  allowedOrigins: string[];
  /** Public base URL (QR codes, minutes); unset: taken from the request. */
  publicUrl: string | undefined;
  /**
   * Seed the demo (accounts with published passwords) on an empty database: only off
   * production, and only on loopback or with SEED_DEMO=true.
   */
  seedDemo: boolean;
  /** Why the demo is not seeded though not in production (printed at start), or null. */
  seedDemoSkipped: string | null;
  /** Express `trust proxy`: false, a hop count, or the addresses of trusted proxies. */
  trustProxy: false | number | string[];
  /** Failed logins per account and address per 15 minutes. */
  loginRateLimit: number;
  /** Redis for several app processes (locks, tally, rate limits, Socket.IO adapter); unset: one process. */
  redisUrl: string | undefined;
  /** nodemailer SMTP URL, e.g. smtps://user:pass@mail.example.go.id; unset keeps mail queued. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** pino level: fatal, error, warn, info, debug, trace or silent (tests: silent by default). */
  logLevel: LogLevel;
  /** Whether client addresses appear in the logs (personal data: off by default). */
  logIps: boolean;
  /** Set: `/api/metrics` needs `Authorization: Bearer <token>`; unset: this machine only. */
  metricsToken: string | undefined;
}

/** A configuration the server refuses to start with; the message says how to fix it. */
export class ConfigError extends Error {}

const root = path.resolve(import.meta.dirname, '..');

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(t: T) => z.preprocess(blankToUndefined, t.optional());
const bool = (name: string) =>
  opt(
    z.enum(['true', 'false'], {
      message: `${name} harus "true" atau "false" / must be "true" or "false"`,
    }),
  );
const url = (schemes: string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return schemes.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      `harus URL ${schemes.join(' atau ')} / must be a ${schemes.join(' or ')} URL, e.g. ${example}`,
    );

const Env = z.object({
  NODE_ENV: opt(
    z.enum(['production', 'development', 'test'], {
      message:
        'NODE_ENV harus production, development atau test / must be production, development or test',
    }),
  ),
  PORT: opt(
    z.coerce
      .number({ message: 'PORT harus angka / must be a number' })
      .int('PORT harus bilangan bulat / must be a whole number')
      .min(0, 'PORT 0–65535')
      .max(65535, 'PORT 0–65535'),
  ),
  HOST: opt(
    z
      .string()
      .trim()
      .refine(
        (h) => isIP(h) !== 0 || /^[a-z0-9.-]+$/i.test(h),
        'HOST harus alamat IP atau nama host / must be an IP address or host name',
      ),
  ),
  MONGODB_URI: opt(url(['mongodb:', 'mongodb+srv:'], 'mongodb://127.0.0.1:27017/forum')),
  SESSION_SECRET: opt(z.string().trim()),
  DATA_DIR: opt(z.string()),
  TOOLS_DIR: opt(z.string()),
  ALLOWED_ORIGINS: opt(z.string()),
  PUBLIC_URL: opt(url(['https:', 'http:'], 'https://forum.instansi.go.id')),
  SEED_DEMO: bool('SEED_DEMO'),
  TRUST_PROXY: opt(z.string().trim()),
  LOGIN_RATE_LIMIT: opt(
    z.coerce
      .number({ message: 'LOGIN_RATE_LIMIT harus angka / must be a number' })
      .int()
      .min(1, 'LOGIN_RATE_LIMIT minimal 1 / at least 1')
      .max(100_000),
  ),
  REDIS_URL: opt(url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379')),
  SMTP_URL: opt(url(['smtp:', 'smtps:'], 'smtps://user:pass@mail.instansi.go.id')),
  MAIL_FROM: opt(z.string().trim().min(3)),
  LOG_LEVEL: opt(
    z.enum(LOG_LEVELS, {
      message: `LOG_LEVEL harus salah satu dari / must be one of: ${LOG_LEVELS.join(', ')}`,
    }),
  ),
  LOG_IPS: bool('LOG_IPS'),
  METRICS_TOKEN: opt(
    z
      .string()
      .trim()
      .min(24, 'METRICS_TOKEN minimal 24 karakter / at least 24 characters')
      .regex(/^[\x21-\x7e]+$/, 'METRICS_TOKEN tanpa spasi / without spaces'),
  ),
});

/** Known example or placeholder secrets that must never protect a real deployment. */
const KNOWN_WEAK = [
  'test-secret',
  'session-secret',
  'forum-publik',
  'changeme',
  'password',
  'secret',
  '0123456789',
  'abcdef',
];

/** Why a production session secret is weak, or null when it is fine. */
export function weakSecret(secret: string | undefined): string | null {
  if (!secret) return 'tidak diisi / not set';
  if (secret.length < 32) return `terlalu pendek (${secret.length} karakter) / too short`;
  if (new Set(secret).size < 12)
    return 'terlalu sedikit karakter berbeda / too few distinct characters';
  const lower = secret.toLowerCase();
  const word = KNOWN_WEAK.find((w) => lower.includes(w));
  if (word) return `memuat contoh umum "${word}" / contains the well-known example "${word}"`;
  return null;
}

function parseTrustProxy(raw: string | undefined): false | number | string[] {
  if (raw === undefined || raw === 'false') return false;
  // `true` trusts proxies on this machine and private networks only: a client on the internet
  // cannot pick its own address with a forged X-Forwarded-For.
  if (raw === 'true') return ['loopback', 'linklocal', 'uniquelocal'];
  if (/^\d+$/.test(raw)) return Number(raw);
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const named = new Set(['loopback', 'linklocal', 'uniquelocal']);
  for (const p of parts) {
    const ip = p.split('/')[0] ?? '';
    if (!named.has(p) && isIP(ip) === 0) {
      throw new ConfigError(
        `TRUST_PROXY: "${p}" bukan alamat IP, CIDR, loopback, linklocal atau uniquelocal / is not an IP address, CIDR or named range.`,
      );
    }
  }
  return parts;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Parses the environment; a bad value stops the start with a message in both languages. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '');
      return `  - ${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(
      `Konfigurasi tidak sah, server tidak dijalankan / Invalid configuration, the server did not start:\n${lines.join('\n')}`,
    );
  }
  const e = parsed.data;
  const nodeEnv = e.NODE_ENV ?? 'development';
  const secret = e.SESSION_SECRET;
  if (nodeEnv === 'production') {
    const weak = weakSecret(secret);
    if (weak) {
      throw new ConfigError(
        `SESSION_SECRET wajib kuat di produksi (${weak}): minimal 32 karakter acak, mis. \`openssl rand -hex 32\`. / SESSION_SECRET must be strong in production: 32+ random characters, e.g. \`openssl rand -hex 32\`.`,
      );
    }
    if (e.SEED_DEMO === 'true') {
      throw new ConfigError(
        'SEED_DEMO=true tidak diizinkan di produksi: akun demo memakai kata sandi yang dipublikasikan. / SEED_DEMO=true is refused in production: demo accounts have published passwords.',
      );
    }
  }
  // Development listens on this machine only unless told otherwise.
  const host = e.HOST ?? (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1');
  const loopbackOnly = LOOPBACK.has(host);
  const seedDemo =
    nodeEnv !== 'production' &&
    (e.SEED_DEMO === 'true' || (e.SEED_DEMO === undefined && loopbackOnly));
  const seedDemoSkipped =
    nodeEnv === 'production' || seedDemo || e.SEED_DEMO === 'false'
      ? null
      : `HOST=${host} menerima koneksi dari jaringan: demo (kata sandi publik) tidak dibuat; set SEED_DEMO=true untuk tetap membuatnya. / HOST=${host} is reachable from the network: the demo (published passwords) is not seeded; set SEED_DEMO=true to seed it anyway.`;
  const allowedOrigins = (e.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of allowedOrigins) {
    let ok = false;
    try {
      const u = new URL(o);
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o;
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new ConfigError(
        `ALLOWED_ORIGINS: "${o}" bukan origin (skema://host[:port]) / is not an origin (scheme://host[:port]).`,
      );
    }
  }
  return {
    env: nodeEnv,
    port: e.PORT ?? 3000,
    host,
    loopbackOnly,
    mongodbUri: e.MONGODB_URI,
    sessionSecret: secret || randomBytes(32).toString('hex'),
    sessionSecretGenerated: !secret,
    dataDir: path.resolve(e.DATA_DIR ?? path.join(root, 'data')),
    toolsDir: path.resolve(e.TOOLS_DIR ?? path.join(root, '.tools')),
    allowedOrigins,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    seedDemo,
    seedDemoSkipped,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    loginRateLimit: e.LOGIN_RATE_LIMIT ?? 10,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? 'Forum Publik <no-reply@localhost>',
    logLevel: e.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    logIps: e.LOG_IPS === 'true',
    metricsToken: e.METRICS_TOKEN,
  };
}

export const projectRoot = root;
