import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('request and statement timeouts from the environment', () => {
  it('answers a request after 15 s and cancels a statement after 10 s unless told otherwise', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.requestTimeoutMs).toBe(15_000);
    expect(config.statementTimeoutMs).toBe(10_000);
  });

  it('reads REQUEST_TIMEOUT_MS and DATABASE_STATEMENT_TIMEOUT_MS, and 0 turns either off', () => {
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '2500', DATABASE_STATEMENT_TIMEOUT_MS: '1000' }, '/srv/app')).toMatchObject({ requestTimeoutMs: 2500, statementTimeoutMs: 1000 });
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '0', DATABASE_STATEMENT_TIMEOUT_MS: '0' }, '/srv/app')).toMatchObject({ requestTimeoutMs: 0, statementTimeoutMs: 0 });
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '600000' }, '/srv/app').requestTimeoutMs).toBe(600_000);
  });

  it('refuses a negative, fractional, worded or too long timeout, naming the variable', () => {
    for (const [name, value] of [
      ['REQUEST_TIMEOUT_MS', '-1'],
      ['REQUEST_TIMEOUT_MS', '1.5'],
      ['REQUEST_TIMEOUT_MS', '10s'],
      ['REQUEST_TIMEOUT_MS', '600001'],
      ['DATABASE_STATEMENT_TIMEOUT_MS', 'soon'],
    ] as const) {
      expect(() => loadConfig({ [name]: value }, '/srv/app'), `${name}=${value}`).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value }, '/srv/app')).toThrow(new RegExp(`^${name}: must be a whole number from 0 to 600000`));
    }
  });
});
