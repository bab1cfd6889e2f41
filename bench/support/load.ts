// A small closed-loop load generator on loopback: `connections` keep-alive connections, each
// sending its next request as soon as the previous answer arrived, spread over the target ports.
// Bounded in time (warm-up + measured seconds) and in count (the request source may run dry).
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from '../lib.js';

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

export interface LoadOptions {
  readonly ports: readonly number[];
  readonly connections: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** The next request for a connection, or undefined when there is no more work. */
  next(connection: number): LoadRequest | undefined;
  /** Called once when the warm-up ends (e.g. to sample CPU counters). */
  onMeasureStart?(): void | Promise<void>;
  /** Sees every answer (also during warm-up), e.g. to keep acknowledged writes. */
  onAnswer?(request: LoadRequest, answer: Answer, measured: boolean): void;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly okPerSecond: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** True when the request source ran dry before the measured time ended. */
  readonly ranDry: boolean;
}

/** Sends one request on a keep-alive agent; a socket error is status 0. */
export function send(agent: Agent, port: number, r: LoadRequest): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...r.headers };
    if (r.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = String(Buffer.byteLength(r.body));
    }
    const req = httpRequest({ host: '127.0.0.1', port, method: r.method, path: r.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started });
      });
      res.on('error', () => {
        resolve({ status: 0, body: '', ms: performance.now() - started });
      });
    });
    req.on('error', (error) => {
      resolve({ status: 0, body: error.message, ms: performance.now() - started });
    });
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const perPort = Math.max(1, Math.ceil(options.connections / options.ports.length));
  const agents = options.ports.map(() => new Agent({ keepAlive: true, maxSockets: perPort }));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let requests = 0;
  let ok = 0;
  let ranDry = false;
  const start = performance.now();
  const measureFrom = start + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  let lastMeasuredAnswer = measureFrom;

  let measureStarted: Promise<void> | undefined;
  const loop = async (connection: number): Promise<void> => {
    const slot = connection % options.ports.length;
    const port = options.ports[slot]!;
    const agent = agents[slot]!;
    for (;;) {
      const sentAt = performance.now();
      if (sentAt >= end) return;
      const r = options.next(connection);
      if (r === undefined) {
        ranDry = true;
        return;
      }
      const measured = sentAt >= measureFrom;
      if (measured) await (measureStarted ??= Promise.resolve(options.onMeasureStart?.()));
      const answer = await send(agent, port, r);
      options.onAnswer?.(r, answer, measured);
      if (measured) {
        requests += 1;
        if (answer.status >= 200 && answer.status < 300) ok += 1;
        latencies.push(answer.ms);
        const key = String(answer.status);
        statuses[key] = (statuses[key] ?? 0) + 1;
        lastMeasuredAnswer = Math.max(lastMeasuredAnswer, performance.now());
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, i) => loop(i)));
  for (const agent of agents) agent.destroy();
  // answers to requests sent before the end still count, so the time runs to the last of them
  const seconds = Math.max(0.001, (lastMeasuredAnswer - measureFrom) / 1000);
  latencies.sort((a, b) => a - b);
  return {
    requests,
    seconds,
    perSecond: requests / seconds,
    okPerSecond: ok / seconds,
    statuses,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? Number.NaN,
    ranDry,
  };
}
