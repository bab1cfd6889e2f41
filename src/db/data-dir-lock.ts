import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * An exclusive lock on an embedded database's data directory. PGlite has no inter-process lock
 * and two processes on one directory corrupt it (docs/adr/0002), so we hold a lock file created
 * with O_EXCL. A lock left by a process that no longer runs (kill -9, power loss) is stale and is
 * taken over; a live holder makes the second process stop with a clear message before it touches
 * any database file.
 */
export const LOCK_FILE = 'isocourse.lock';

export class DataDirLockedError extends Error {
  readonly holderPid: number | undefined;
  constructor(dataDir: string, holderPid: number | undefined, startedAt: string | undefined) {
    super(
      `data directory ${dataDir} is in use by another isocourse process` +
        `${holderPid === undefined ? '' : ` (pid ${holderPid}${startedAt === undefined ? '' : `, started ${startedAt}`})`}; ` +
        'stop that process or set DATA_DIR to another directory',
    );
    this.name = 'DataDirLockedError';
    this.holderPid = holderPid;
  }
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

function readLock(path: string): LockContent | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && typeof parsed.pid === 'number') {
      const host = 'host' in parsed && typeof parsed.host === 'string' ? parsed.host : '';
      const startedAt = 'startedAt' in parsed && typeof parsed.startedAt === 'string' ? parsed.startedAt : '';
      return { pid: parsed.pid, host, startedAt };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

export function acquireDataDirLock(dataDir: string, now: () => Date = () => new Date()): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const content: LockContent = { pid: process.pid, host: hostname(), startedAt: now().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(content));
      closeSync(fd);
      let released = false;
      return {
        path,
        release: () => {
          if (released) return;
          released = true;
          const current = readLock(path);
          if (current?.pid === process.pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(path);
      // another host's lock (shared volume) can't be checked: never take it over
      const sameHost = holder === undefined || holder.host === '' || holder.host === content.host;
      if (holder !== undefined && (!sameHost || isAlive(holder.pid))) {
        throw new DataDirLockedError(dataDir, holder.pid, holder.startedAt);
      }
      if (attempt > 0) throw new DataDirLockedError(dataDir, holder?.pid, holder?.startedAt);
      // stale (holder gone) or unreadable (process died while writing it): take it over
      unlinkSync(path);
    }
  }
  throw new DataDirLockedError(dataDir, undefined, undefined);
}
