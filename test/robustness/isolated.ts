// Runs the operations of caseWorker.ts in a worker thread. A synchronous hang (a regular expression
// backtracking for hours) would freeze mocha's own timer; in a worker it leaves the main thread
// free, so the case fails by mocha's timeout, and `reset()` ends the worker it left running.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseOps } from './caseWorker';

type Op = keyof CaseOps;

interface Job { resolve(value: unknown): void; reject(error: Error): void }

export class Isolated {
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  /** Runs `op` on `input` in the worker; rejects with the worker's error (a crash is a failure). */
  run<K extends Op>(op: K, input: Parameters<CaseOps[K]>[0]): Promise<ReturnType<CaseOps[K]>> {
    const worker = this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, input });
    });
  }

  /** Ends the worker if a job is still running in it (a case that timed out). */
  async reset(): Promise<void> {
    if (this.jobs.size === 0) return;
    this.jobs.clear();
    await this.close();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Worker {
    const file = path.join(__dirname, 'caseWorker.ts');
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true });
    worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const job = this.jobs.get(m.id);
      this.jobs.delete(m.id);
      if (m.error !== undefined) job?.reject(new Error(m.error));
      else job?.resolve(m.result);
    });
    worker.on('error', (e) => { for (const job of this.jobs.values()) job.reject(e); this.jobs.clear(); this.worker = undefined; });
    worker.unref();
    return worker;
  }
}
