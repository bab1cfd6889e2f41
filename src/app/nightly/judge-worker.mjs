// A worker thread of the nightly recompute: judges the batches judge-pool.ts sends it
// (judge-batch.ts) and answers with the rows to store. The sources are TypeScript run through
// tsx (docs/adr/0003-typescript-at-runtime.md), registered here as bin/isocourse.mjs does.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { judgeBatch } = await import('./judge-batch.ts');

parentPort?.on('message', (message) => {
  try {
    parentPort?.postMessage({ id: message.id, ok: true, result: judgeBatch(message.input) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
