import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('refuses to start in production without a session secret, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/32/);
  });

  it('never seeds demo accounts in production', () => {
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(c.seedDemo).toBe(false);
    expect(loadConfig({}).seedDemo).toBe(true);
  });

  it('uses the embedded database unless MONGODB_URI is set', () => {
    expect(loadConfig({}).mongodbUri).toBeUndefined();
    expect(loadConfig({ MONGODB_URI: 'mongodb://db:27017/forum' }).mongodbUri).toBe(
      'mongodb://db:27017/forum',
    );
  });

  it('rejects a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
