// A TCP proxy on loopback that can hold back every chunk for a while: a slow network or a
// database that answers late, without touching the database server itself.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface DelayProxy {
  readonly port: number;
  /** Milliseconds every chunk (either way) waits from now on; 0 passes them at once. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

function delayedPipe(from: Socket, to: Socket, delay: () => number): void {
  // chunks keep their order: each is released no earlier than the one before it
  let last = 0;
  from.on('data', (chunk: Buffer) => {
    const due = Math.max(Date.now() + delay(), last);
    last = due;
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, due - Date.now());
  });
  from.on('close', () => {
    setTimeout(() => to.destroy(), Math.max(0, last - Date.now()));
  });
  from.on('error', () => undefined);
}

export async function startDelayProxy(upstreamHost: string, upstreamPort: number): Promise<DelayProxy> {
  let delay = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(upstreamPort, upstreamHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    delayedPipe(client, upstream, () => delay);
    delayedPipe(upstream, client, () => delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    setDelay: (ms) => {
      delay = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => { resolve(); });
      }),
  };
}
