import { Worker } from 'node:worker_threads';
import type { JudgedBatch, NightlyBatchInput } from './judge-batch.js';

type Answer = { readonly id: number; readonly ok: true; readonly result: JudgedBatch } | { readonly id: number; readonly ok: false; readonly error: string };

interface Pending {
  resolve(batch: JudgedBatch): void;
  reject(error: Error): void;
}

class JudgeWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #next = 0;

  constructor() {
    this.#worker = new Worker(new URL('./judge-worker.mjs', import.meta.url));
    this.#worker.on('message', (answer: Answer) => {
      const pending = this.#pending.get(answer.id);
      this.#pending.delete(answer.id);
      if (answer.ok) pending?.resolve(answer.result);
      else pending?.reject(new Error(`nightly worker: ${answer.error}`));
    });
    this.#worker.on('error', (error) => {
      this.#failAll(error);
    });
    this.#worker.on('exit', (code) => {
      this.#failAll(new Error(`nightly worker exited with code ${String(code)}`));
    });
  }

  #failAll(error: Error): void {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }

  judge(input: NightlyBatchInput): Promise<JudgedBatch> {
    const id = (this.#next += 1);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }
}

/**
 * Worker threads that judge the nightly's batches (the engine is the run's main cost: about half
 * a millisecond of CPU per course), so the engine uses every core while the main thread reads
 * and writes. A batch is split into one contiguous part per worker and put back in order.
 */
export class JudgePool {
  readonly #workers: JudgeWorker[];

  constructor(size: number) {
    this.#workers = Array.from({ length: Math.max(1, size) }, () => new JudgeWorker());
  }

  async judge(input: NightlyBatchInput): Promise<JudgedBatch> {
    const n = this.#workers.length;
    const per = Math.ceil(input.rows.length / n);
    const parts = await Promise.all(
      this.#workers.map((w, i) => {
        const rows = input.rows.slice(i * per, (i + 1) * per);
        // each worker gets only its own patients' events
        const eventsJson = new Map(rows.flatMap((r) => {
          const text = input.eventsJson.get(r.patientId);
          return text === undefined ? [] : [[r.patientId, text] as const];
        }));
        return w.judge({ ...input, rows, eventsJson });
      }),
    );
    return {
      schedules: parts.flatMap((p) => p.schedules),
      reminders: parts.flatMap((p) => p.reminders),
      keeps: parts.flatMap((p) => p.keeps),
      problemCourseIds: parts.flatMap((p) => p.problemCourseIds),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.close()));
  }
}
