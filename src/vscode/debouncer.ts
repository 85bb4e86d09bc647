// Runs one task per key after a quiet period; later calls for the same key push it back.
// `whenIdle()` resolves once no task is waiting or running (tests and callers that need fresh data).
import * as vscode from 'vscode';

export class KeyedDebouncer implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<Promise<void>>();
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly delayMs: number, private readonly onError: (error: unknown) => void) {}

  schedule(key: string, task: () => Promise<void> | void): void {
    const existing = this.timers.get(key);
    if (existing !== undefined) clearTimeout(existing);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      const run = Promise.resolve().then(task).catch(this.onError).finally(() => {
        this.running.delete(run);
        this.settle();
      });
      this.running.add(run);
    }, this.delayMs));
  }

  /** Tracks work started elsewhere (a scan) so that `whenIdle` waits for it too. */
  track(work: Promise<unknown>): void {
    const run = work.then(() => undefined, this.onError).finally(() => {
      this.running.delete(run);
      this.settle();
    });
    this.running.add(run);
  }

  get idle(): boolean {
    return this.timers.size === 0 && this.running.size === 0;
  }

  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(): void {
    if (!this.idle) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.settle();
  }
}
