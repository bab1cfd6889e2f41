import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabase, loadConfig } from './config.js';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/app');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('defaults to port 3000 on 127.0.0.1 with the embedded database in ./data', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
      database: { kind: 'embedded', dataDir: '/srv/app/data' },
      rateLimitPerMinute: 1200,
      shutdownGraceSeconds: 10,
      requestTimeoutMs: 15_000,
      statementTimeoutMs: 10_000,
      production: false,
      sandbox: false,
    });
  });

  it('reads PORT, HOST, DATA_DIR and LOG_LEVEL', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/var/lib/iso', LOG_LEVEL: 'WARN' }, '/srv/app');
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.logLevel).toBe('warn');
    expect(config.database).toEqual({ kind: 'embedded', dataDir: '/var/lib/iso' });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:secret@db.example:6543/iso' }, '/srv/app');
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:secret@db.example:6543/iso', poolSize: 10 });
    expect(describeDatabase(config.database)).toBe('PostgreSQL at db.example:6543/iso');
    expect(describeDatabase(config.database)).not.toContain('secret');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ PORT: '30.5' }, 'PORT'],
    [{ HOST: 'http://localhost' }, 'HOST'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://localhost/iso' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://localhost/iso', DATA_DIR: './data' }, 'DATA_DIR'],
    [{ DATABASE_URL: 'postgres://localhost/iso', DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ SHUTDOWN_GRACE_SECONDS: 'soon' }, 'SHUTDOWN_GRACE_SECONDS'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
  ])('rejects %o with one message naming %s', (env, variable) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).not.toContain('\n');
  });
});
