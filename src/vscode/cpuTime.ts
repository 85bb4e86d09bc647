// CPU time of the extension host's process, for the timings the test seams report next to wall
// time: unlike wall time, it does not grow while other processes keep the machine busy.

/** User and system CPU microseconds of this process, or undefined in a web worker (no process). */
export function cpuMicros(): number | undefined {
  const usage = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process?.cpuUsage?.();
  return usage ? usage.user + usage.system : undefined;
}

/** Milliseconds of CPU time since `startedMicros` (from cpuMicros), to 0.1 ms; undefined where the
 *  host cannot tell. */
export function cpuMsSince(startedMicros: number | undefined): number | undefined {
  const now = cpuMicros();
  return now === undefined || startedMicros === undefined ? undefined : Math.round((now - startedMicros) / 100) / 10;
}
