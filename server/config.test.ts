import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, weakSecret } from './config';

const STRONG = 'b7e1c9a04f2d6e8a13c5f7092b4d6e8f1a3c5e7f9b2d4f6a';

describe('configuration', () => {
  it('refuses to start in production without a strong session secret, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/32/);
    // Long but weak: one character repeated, or a well-known example.
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })).toThrow(
      /distinct|berbeda/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 'test-secret-0123456789-0123456789-abcdef',
      }),
    ).toThrow(/test-secret/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: STRONG }).env).toBe('production');
  });

  it('stops on a mistyped NODE_ENV instead of running as development', () => {
    expect(() => loadConfig({ NODE_ENV: 'prod' })).toThrow(/NODE_ENV="prod"/);
    expect(() => loadConfig({ NODE_ENV: 'Production' })).toThrow(ConfigError);
  });

  it('listens on loopback in development and seeds the demo only there', () => {
    const dev = loadConfig({});
    expect(dev.host).toBe('127.0.0.1');
    expect(dev.seedDemo).toBe(true);
    const lan = loadConfig({ HOST: '0.0.0.0' });
    expect(lan.seedDemo).toBe(false);
    expect(lan.seedDemoSkipped).toMatch(/SEED_DEMO=true/);
    expect(loadConfig({ HOST: '0.0.0.0', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('never seeds demo accounts in production, and refuses to be asked to', () => {
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: STRONG });
    expect(c.seedDemo).toBe(false);
    expect(c.host).toBe('0.0.0.0');
    expect(() =>
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: STRONG, SEED_DEMO: 'true' }),
    ).toThrow(/SEED_DEMO/);
  });

  it('uses the embedded database unless MONGODB_URI is set', () => {
    expect(loadConfig({}).mongodbUri).toBeUndefined();
    expect(loadConfig({ MONGODB_URI: 'mongodb://db:27017/forum' }).mongodbUri).toBe(
      'mongodb://db:27017/forum',
    );
    expect(() => loadConfig({ MONGODB_URI: 'postgres://db/forum' })).toThrow(/MONGODB_URI/);
  });

  it('names every bad value in one message, in both languages', () => {
    try {
      loadConfig({ PORT: 'abc', SEED_DEMO: 'yes', REDIS_URL: 'localhost:6379' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const m = (err as Error).message;
      expect(m).toMatch(/Konfigurasi tidak sah/);
      expect(m).toMatch(/Invalid configuration/);
      expect(m).toMatch(/PORT="abc"/);
      expect(m).toMatch(/SEED_DEMO="yes"/);
      expect(m).toMatch(/REDIS_URL="localhost:6379"/);
    }
  });

  it('trusts only private-network proxies for TRUST_PROXY=true, or the addresses named', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toEqual([
      'loopback',
      'linklocal',
      'uniquelocal',
    ]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
    ]);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses allowed origins that are not origins', () => {
    expect(
      loadConfig({ ALLOWED_ORIGINS: 'https://a.go.id, http://b.test:8080' }).allowedOrigins,
    ).toEqual(['https://a.go.id', 'http://b.test:8080']);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://a.go.id/path' })).toThrow(
      /ALLOWED_ORIGINS/,
    );
  });

  it('either starts with a valid config or stops with a ConfigError, for any environment', () => {
    const keys = ['NODE_ENV', 'PORT', 'HOST', 'SEED_DEMO', 'TRUST_PROXY', 'LOGIN_RATE_LIMIT'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.string({ maxLength: 12 })), (env) => {
        try {
          const c = loadConfig(env);
          expect(Number.isInteger(c.port)).toBe(true);
          expect(c.port >= 0 && c.port <= 65535).toBe(true);
          if (c.env === 'production') expect(c.seedDemo).toBe(false);
          if (c.seedDemo) expect(c.loopbackOnly || env.SEED_DEMO === 'true').toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds no weakness in random hex secrets of 32 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        expect(weakSecret(Buffer.from(bytes).toString('hex'))).toBeNull();
      }),
    );
  });
});
