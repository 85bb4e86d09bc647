// Benchmarks: Paper Study's indexer against markdown-it's bare parse of the same text, in one process.
// Run: npm run bench  (optional: BENCH_RUNS=9, BENCH_MB=5, BENCH_CORPORA=path/to/corpora)
// Prints medians over several runs; ratios below 1.0 mean the indexer is faster than markdown-it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { indexDocument } from '../src/core/indexer';

interface Input { name: string; texts: string[] }

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MB = Number(process.env.BENCH_MB ?? 5);

function findCorpora(): string | undefined {
  const candidates = [process.env.BENCH_CORPORA, path.resolve('../shared/corpora'), path.resolve(__dirname, '../../shared/corpora')];
  return candidates.find((c): c is string => !!c && fs.existsSync(c));
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

function bytes(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
}

/** Repeats the texts until they hold at least `mb` megabytes. */
function grow(texts: readonly string[], mb: number): string[] {
  const out: string[] = [];
  while (bytes(out) < mb * 1024 * 1024) out.push(...texts);
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function measure(input: Input) {
  const md = new MarkdownIt();
  const run = {
    index: () => { for (const t of input.texts) indexDocument(t); },
    parse: () => { for (const t of input.texts) md.parse(t, {}); },
  };
  run.index(); run.parse(); // warm up
  const idx: number[] = [];
  const prs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    // Alternate the order so neither side always runs on a warmer heap.
    if (r % 2) { prs.push(time(run.parse)); idx.push(time(run.index)); } else { idx.push(time(run.index)); prs.push(time(run.parse)); }
  }
  const mb = bytes(input.texts) / 1024 / 1024;
  const indexMs = median(idx);
  const parseMs = median(prs);
  return { name: input.name, files: input.texts.length, mb, indexMs, parseMs, ratio: indexMs / parseMs };
}

function main() {
  const inputs: Input[] = [];
  const sample = fs.readFileSync(path.resolve(__dirname, '../examples/paper-summaries.md'), 'utf8');
  const corpora = findCorpora();
  const corpusTexts = corpora ? markdownFiles(corpora).map((f) => fs.readFileSync(f, 'utf8')) : [];
  if (corpusTexts.length) {
    inputs.push({ name: 'corpora (as is)', texts: corpusTexts });
    inputs.push({ name: `corpora vault ≥${TARGET_MB} MB`, texts: grow(corpusTexts, TARGET_MB) });
    inputs.push({ name: `corpora one file ≥${TARGET_MB} MB`, texts: [grow(corpusTexts, TARGET_MB).join('\n\n')] });
  } else {
    console.log('(../shared/corpora not found: set BENCH_CORPORA; using the sample only)');
  }
  inputs.push({ name: `sample one file ≥${TARGET_MB} MB`, texts: [grow([sample], TARGET_MB).join('\n\n')] });

  console.log(`Index (papers + sentences + critique) vs markdown-it parse, median of ${RUNS} runs, Node ${process.version}`);
  const rows = inputs.map(measure);
  const header = ['input', 'files', 'MB', 'index ms', 'index MB/s', 'md-it parse ms', 'parse MB/s', 'ratio'];
  const table = rows.map((r) => [
    r.name, String(r.files), r.mb.toFixed(2), r.indexMs.toFixed(1), (r.mb / (r.indexMs / 1000)).toFixed(1),
    r.parseMs.toFixed(1), (r.mb / (r.parseMs / 1000)).toFixed(1), r.ratio.toFixed(2),
  ]);
  printTable(header, table);
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

main();
