// A private PostgreSQL 15 instance in a temporary directory, on its own port, for fault tests
// that restart the server (the machine's shared server at 5432 must never be restarted: other
// engineers' tests run on it) and for profiling with pg_stat_statements.
// initdb refuses to run as root, so as root the instance runs as the `postgres` user.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes.js';

const BIN_DIR = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  readonly port: number;
  readonly adminUrl: string;
  readonly dir: string;
  start(): void;
  /**
   * Stops the server (fast shutdown: open connections are terminated) and starts it again, without
   * blocking the caller's event loop (a load generator in the same process keeps running).
   */
  restart(): Promise<void>;
  stopServer(): void;
  /** Stops the server and removes its directory. */
  destroy(): void;
}

function asOwner(command: string, args: readonly string[]): string[] {
  return userInfo().uid === 0 ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args];
}

function run(command: string, args: readonly string[]): string {
  const [cmd, ...rest] = asOwner(command, args);
  return execFileSync(cmd!, rest, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function pgAvailable(): boolean {
  return existsSync(join(BIN_DIR, 'initdb')) && existsSync(join(BIN_DIR, 'pg_ctl'));
}

export async function createPrivatePostgres(options: { statStatements?: boolean; settings?: Readonly<Record<string, string>> } = {}): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'isocourse-pg-'));
  if (userInfo().uid === 0) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run(join(BIN_DIR, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const settings: Record<string, string> = {
    listen_addresses: "'127.0.0.1'",
    port: String(port),
    unix_socket_directories: `'${dir}'`,
    max_connections: '100',
    fsync: 'on',
    ...(options.statStatements === true ? { shared_preload_libraries: "'pg_stat_statements'", 'pg_stat_statements.track': 'all' } : {}),
    ...(options.settings ?? {}),
  };
  const conf = Object.entries(settings).map(([k, v]) => `${k} = ${v}`).join('\n');
  const [cmd, ...rest] = asOwner('sh', ['-c', `cat >> '${join(data, 'postgresql.conf')}'`]);
  spawnSync(cmd!, rest, { input: `${conf}\n` });
  const pgCtl = (args: readonly string[]): void => {
    run(join(BIN_DIR, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', ...args]);
  };
  let running = false;
  const instance: PrivatePostgres = {
    port,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    start: () => {
      pgCtl(['start']);
      running = true;
    },
    restart: async () => {
      const [cmd, ...rest] = asOwner(join(BIN_DIR, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'restart', '-m', 'fast']);
      await new Promise<void>((resolve, reject) => {
        execFile(cmd!, rest, (error) => {
          if (error === null) resolve();
          else reject(new Error(`pg_ctl restart failed: ${error.message}`));
        });
      });
      running = true;
    },
    stopServer: () => {
      if (running) pgCtl(['stop', '-m', 'fast']);
      running = false;
    },
    destroy: () => {
      try {
        instance.stopServer();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  instance.start();
  return instance;
}

/** Starts a private instance and prints its URL until Ctrl-C (for profiling by hand). */
if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  const pg = await createPrivatePostgres({ statStatements: true });
  console.log(`private PostgreSQL at ${pg.adminUrl} (pg_stat_statements loaded); Ctrl-C stops and removes it`);
  const end = (): void => {
    pg.destroy();
    process.exit(0);
  };
  process.once('SIGINT', end);
  process.once('SIGTERM', end);
  setInterval(() => undefined, 1 << 30);
}
