// Timing and memory helpers of the benchmarks. Times are CPU milliseconds of this process (user +
// system, from process.cpuUsage): on a shared machine they vary far less than wall-clock time, and
// single-threaded code costs the same either way.

import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** CPU milliseconds spent running fn once. */
export function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((sum, x) => sum + x, 0) / xs.length;
}

/** Medians (or means) of a and b over `runs` rounds, alternating which goes first so that neither
 *  always runs on a warmer heap; one warm-up round first. */
export function compare(a: () => void, b: () => void, runs: number, average: (xs: readonly number[]) => number = median): { a: number; b: number } {
  a(); b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let r = 0; r < runs; r++) {
    if (r % 2) { bs.push(cpuMs(b)); as.push(cpuMs(a)); } else { as.push(cpuMs(a)); bs.push(cpuMs(b)); }
  }
  return { a: average(as), b: average(bs) };
}

/** Median CPU milliseconds of fn over `runs` runs after `warm` warm-up runs. */
export function timeMedian(fn: () => void, runs: number, warm = 3): number {
  for (let w = 0; w < warm; w++) fn();
  const xs: number[] = [];
  for (let r = 0; r < runs; r++) xs.push(cpuMs(fn));
  return median(xs);
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap growth (MB) from keeping what `make` returns alive, measured after full collections. */
export function heapGrowthMb(make: () => unknown): number {
  gc(); gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc(); gc();
  const after = process.memoryUsage().heapUsed;
  if (kept === undefined) throw new Error('nothing kept');
  return (after - before) / 1024 / 1024;
}

export function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|') + '|');
  for (const r of rows) console.log(line(r));
}
