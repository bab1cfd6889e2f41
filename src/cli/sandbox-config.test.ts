import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/app');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('SEC-SANDBOX: sandbox and production mode from the environment', () => {
  it('is off by default and outside production', () => {
    expect(loadConfig({}, '/srv/app')).toMatchObject({ sandbox: false, production: false });
  });

  it.each(['1', 'true', ' TRUE '])('turns sandbox mode on with SANDBOX=%s', (value) => {
    expect(loadConfig({ SANDBOX: value }, '/srv/app').sandbox).toBe(true);
  });

  it.each(['0', 'false', ''])('keeps sandbox mode off with SANDBOX=%j', (value) => {
    expect(loadConfig({ SANDBOX: value }, '/srv/app').sandbox).toBe(false);
  });

  it('refuses SANDBOX=1 with NODE_ENV=production in one line naming both variables', () => {
    const error = errorOf({ SANDBOX: '1', NODE_ENV: 'production' });
    expect(error.variable).toBe('SANDBOX');
    expect(error.message).toMatch(/^SANDBOX: .*refused in production because NODE_ENV=production is set/);
    expect(error.message).not.toContain('\n');
  });

  it('refuses SANDBOX=1 with ISOCOURSE_PRODUCTION=1, and accepts it with ISOCOURSE_PRODUCTION=0', () => {
    expect(errorOf({ SANDBOX: '1', ISOCOURSE_PRODUCTION: '1' }).message).toContain('ISOCOURSE_PRODUCTION=1');
    expect(loadConfig({ SANDBOX: '1', ISOCOURSE_PRODUCTION: '0' }, '/srv/app')).toMatchObject({ sandbox: true, production: false });
  });

  it('marks production mode without sandbox', () => {
    expect(loadConfig({ NODE_ENV: 'production' }, '/srv/app')).toMatchObject({ production: true, sandbox: false });
    expect(loadConfig({ NODE_ENV: 'development' }, '/srv/app').production).toBe(false);
  });

  it.each([
    [{ SANDBOX: 'yes' }, 'SANDBOX'],
    [{ SANDBOX: '2' }, 'SANDBOX'],
    [{ ISOCOURSE_PRODUCTION: 'on' }, 'ISOCOURSE_PRODUCTION'],
  ])('rejects %o with one message naming %s', (env, variable) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
  });
});
