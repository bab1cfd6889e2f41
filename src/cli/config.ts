import { isAbsolute, resolve } from 'node:path';
import type { DatabaseTarget } from '../db/connect.js';

/**
 * Configuration from environment variables, validated at start (issue 2, item 3). A bad value
 * stops the start with one line naming the variable; nothing else in the program reads the
 * environment: the values are passed down as parameters.
 */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export type DatabaseConfig = Extract<DatabaseTarget, { kind: 'embedded' | 'postgres' }>;

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  readonly database: DatabaseConfig;
  /** Requests per minute per client address on the API. */
  readonly rateLimitPerMinute: number;
  /** Seconds to wait for in-flight requests on SIGTERM before closing anyway. */
  readonly shutdownGraceSeconds: number;
  /** Milliseconds a request may take before it is answered 503 `timeout` (0: no limit). */
  readonly requestTimeoutMs: number;
  /** PostgreSQL: milliseconds a statement, or a wait for a pooled connection, may take (0: no limit). */
  readonly statementTimeoutMs: number;
  /** Production mode (NODE_ENV=production or ISOCOURSE_PRODUCTION=1): no sandbox, no demo. */
  readonly production: boolean;
  /** Sandbox mode (SANDBOX=1): a movable clock for training and what-if (SEC-SANDBOX). */
  readonly sandbox: boolean;
}

/**
 * A slow database must not pile requests up: a statement is cancelled after 10 s (its transaction
 * rolls back, its connection returns to the pool) and any request is answered after 15 s.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  const value = Number(raw.trim());
  if (value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function host(env: Env): string {
  const raw = env.HOST;
  if (raw === undefined || raw === '') return '127.0.0.1';
  const value = raw.trim();
  // a host name, an IPv4 address or an IPv6 address; anything with spaces or a scheme is a mistake
  if (!/^[A-Za-z0-9.:-]+$/.test(value) || value.length > 253) {
    throw new ConfigError('HOST', `must be a host name or IP address to bind to, got "${raw}"`);
  }
  return value;
}

function logLevel(env: Env): LogLevel {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === '') return 'info';
  const found = LOG_LEVELS.find((level) => level === raw.trim().toLowerCase());
  if (found === undefined) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return found;
}

function database(env: Env, cwd: string): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
      throw new ConfigError('DATABASE_URL', `must be a postgres:// or postgresql:// URL, got scheme "${parsed.protocol}"`);
    }
    if (env.DATA_DIR !== undefined && env.DATA_DIR !== '') {
      throw new ConfigError('DATA_DIR', 'is for the embedded database; unset it when DATABASE_URL is set');
    }
    return { kind: 'postgres', url, poolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200) };
  }
  const dataDir = env.DATA_DIR === undefined || env.DATA_DIR === '' ? './data' : env.DATA_DIR;
  if (dataDir.includes('\0')) throw new ConfigError('DATA_DIR', 'must be a directory path');
  return { kind: 'embedded', dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir) };
}

/** An on/off variable: unset, empty, `0` or `false` is off; `1` or `true` is on; anything else is a mistake. */
function flag(env: Env, name: string): boolean {
  const raw = env[name];
  if (raw === undefined) return false;
  switch (raw.trim().toLowerCase()) {
    case '':
    case '0':
    case 'false':
      return false;
    case '1':
    case 'true':
      return true;
    default:
      throw new ConfigError(name, `must be 1 (on) or 0 (off), got "${raw}"`);
  }
}

/** Which variable puts the server in production mode, if any. */
function productionVariable(env: Env): string | undefined {
  if (env.NODE_ENV?.trim() === 'production') return 'NODE_ENV=production';
  if (flag(env, 'ISOCOURSE_PRODUCTION')) return 'ISOCOURSE_PRODUCTION=1';
  return undefined;
}

/** SEC-SANDBOX: the movable clock exists for training only and is refused in production mode. */
function sandbox(env: Env, production: string | undefined): boolean {
  const on = flag(env, 'SANDBOX');
  if (on && production !== undefined) {
    throw new ConfigError('SANDBOX', `sandbox mode (a movable clock) is refused in production because ${production} is set; unset SANDBOX`);
  }
  return on;
}

export function loadConfig(env: Env, cwd: string): AppConfig {
  const production = productionVariable(env);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: host(env),
    logLevel: logLevel(env),
    database: database(env, cwd),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1200, 1, 10_000_000),
    shutdownGraceSeconds: integer(env, 'SHUTDOWN_GRACE_SECONDS', 10, 0, 600),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS, 0, 600_000),
    statementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', DEFAULT_STATEMENT_TIMEOUT_MS, 0, 600_000),
    production: production !== undefined,
    sandbox: sandbox(env, production),
  };
}

/** A description of where the data lives that is safe to log (no password). */
export function describeDatabase(config: DatabaseConfig): string {
  switch (config.kind) {
    case 'embedded':
      return `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
    case 'postgres': {
      const url = new URL(config.url);
      return `PostgreSQL at ${url.hostname}:${url.port === '' ? '5432' : url.port}${url.pathname}`;
    }
  }
}
