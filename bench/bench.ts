// Benchmarks: Paper Study's indexer and renderer against markdown-it on the same text, in one
// process, on the corpora and on generated vaults of 1,000 and 10,000 files; the production bundle
// sizes. Run: npm run bench   (options: BENCH_RUNS=5, BENCH_CORPORA=path, BENCH_SKIP_10K=1)
// Ratios below 1.0 mean Paper Study is faster than markdown-it. Times are medians of CPU time (means for rendering).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { indexDocument, IndexMemo } from '../src/core/indexer';
import { renderDocument } from '../src/core/markdownPlugin';
import { bundleSizes } from './bundleSizes';
import { compare, cpuMs, heapGrowthMb, mean, printTable, timeMedian } from './timing';
import { generateVault, markdownFiles, papersOf, writeVault } from './vaultGenerator';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = path.resolve(__dirname, '..');
const INCREMENTAL_KB = 100;
const RENDER_MB = 1;

interface Input {
  readonly name: string;
  readonly texts: readonly string[];
  /** Fewer rounds for the largest inputs, to keep the whole run within a few minutes. */
  readonly runs: number;
  /** Time every file alone and report the slowest (for vaults: the longest step of a scan). */
  readonly perFile?: boolean;
}

interface Row {
  readonly input: Input;
  readonly mb: number;
  readonly indexMs: number;
  readonly parseMs: number;
  readonly coldMs: number;
  readonly incrementalMs: number;
  readonly renderMs: number;
  readonly mdRenderMs: number;
  readonly heapMb: number;
  readonly slowestFileMs?: number;
}

function bytes(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
}

/** One summary of about `kb` KB made of the input's texts (cut at a paragraph break when a text
 *  alone is much longer). */
function summaryOf(texts: readonly string[], kb: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < kb * 1024; k++) {
    const t = texts[k % texts.length];
    parts.push(t);
    size += t.length + 2;
  }
  const text = parts.join('\n\n');
  if (text.length <= 2 * kb * 1024) return text;
  const cut = text.indexOf('\n\n', kb * 1024);
  return cut > 0 ? text.slice(0, cut + 1) : text;
}

/** Median CPU ms of re-indexing `text` after one edit, as the extension does for an open document:
 *  with the document's memo, after each of a series of edits (a word typed into a different
 *  sentence each time, the edited texts made beforehand). Ten edits first, untimed: typing meets
 *  compiled code, which three edits did not always reach (medians of 5 ms in some runs). */
function editTimes(text: string, runs = 21, warm = 10): number {
  const edits: string[] = [];
  let current = text;
  for (let k = 0; k < runs + warm; k++) {
    const from = Math.floor((text.length * (k + 1)) / (runs + warm + 2));
    const at = current.indexOf(' ', from);
    current = at < 0 ? current : [current.slice(0, at), ' edited', current.slice(at)].join('');
    edits.push(Buffer.from(current).toString()); // a flat string, as a document's text is
  }
  const memo = new IndexMemo();
  indexDocument(text, { fileName: 'summary.md', memo });
  let k = 0;
  return timeMedian(() => indexDocument(edits[k++], { fileName: 'summary.md', memo }), runs, warm);
}

function measure(input: Input): Row {
  const md = new MarkdownIt();
  const { texts } = input;
  const timing = compare(
    () => { for (const t of texts) indexDocument(t, { fileName: 'summary.md' }); },
    () => { for (const t of texts) md.parse(t, {}); },
    input.runs,
  );
  const one = summaryOf(texts, INCREMENTAL_KB);
  const coldMs = timeMedian(() => indexDocument(one, { fileName: 'summary.md' }), 21);
  const incrementalMs = editTimes(one);
  // The study panel renders with the index it already has (the workspace index keeps it). Means,
  // not medians: a render leaves its tokens for the collector, and a round that meets a full
  // collection is part of the cost; over alternating rounds each side meets its share.
  const big = summaryOf(texts, RENDER_MB * 1024);
  const bigIndex = indexDocument(big);
  const render = compare(() => renderDocument(big, { index: bigIndex }), () => md.render(big), 21, mean);
  const heapMb = heapGrowthMb(() => texts.map((t) => indexDocument(t, { fileName: 'summary.md' })));
  let slowestFileMs: number | undefined;
  if (input.perFile) {
    slowestFileMs = 0;
    for (const t of texts) slowestFileMs = Math.max(slowestFileMs, cpuMs(() => indexDocument(t, { fileName: 'summary.md' })));
  }
  return {
    input, mb: bytes(texts) / 1024 / 1024, indexMs: timing.a, parseMs: timing.b, coldMs, incrementalMs,
    renderMs: render.a, mdRenderMs: render.b, heapMb, slowestFileMs,
  };
}

function findCorpora(): string[] {
  const candidates = [process.env.BENCH_CORPORA, path.resolve(ROOT, '../shared/corpora'), path.resolve(ROOT, 'test/fixtures/corpora')];
  return candidates.filter((c): c is string => !!c && fs.existsSync(c));
}

function readAll(dir: string): string[] {
  return markdownFiles(dir).map((f) => fs.readFileSync(f, 'utf8'));
}

async function main(): Promise<void> {
  const started = Date.now();
  const sample = fs.readFileSync(path.join(ROOT, 'examples/paper-summaries.md'), 'utf8');
  const corpora = findCorpora();
  const inputs: Input[] = corpora.map((dir) => ({ name: `corpora ${path.relative(ROOT, dir)}`, texts: readAll(dir), runs: RUNS * 2 + 1 }));
  // One-paper summaries (those with a Title bullet) and the sample's papers are the material.
  const summaries = (inputs[0]?.texts ?? []).filter((t) => /\*\*Title\*\*:/.test(t));
  const material = { summaries: summaries.length ? summaries : [sample], papers: papersOf(sample) };

  // Generated vaults, written to a temporary folder and read back as a workspace scan would.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-study-bench-'));
  try {
    for (const count of process.env.BENCH_SKIP_10K ? [1000] : [1000, 10000]) {
      const dir = path.join(tmp, `vault-${count}`);
      writeVault(dir, generateVault(material, count, count));
      inputs.push({ name: `generated vault ${count / 1000}k files`, texts: readAll(dir), runs: count > 1000 ? 3 : RUNS, perFile: true });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  inputs.push({ name: 'sample as one 5 MB file', texts: [summaryOf([sample], 5 * 1024)], runs: RUNS });

  console.log(`Paper Study benchmarks — Node ${process.version}, ${os.cpus().length} CPUs, medians of CPU time (render: means)`);
  console.log('index = papers + sentences + critique (indexDocument); parse = markdown-it parse; render = study panel');
  console.log(`HTML of a ${RENDER_MB} MB summary (renderDocument with its index) vs markdown-it render; ${INCREMENTAL_KB} KB = indexing one`);
  console.log(`${INCREMENTAL_KB} KB summary from scratch; edit = re-indexing it after one edit, with its memo (what typing costs);`);
  console.log('heap = heap growth from keeping every index of the input (after GC).\n');
  const rows = inputs.map((input) => {
    const t0 = Date.now();
    const row = measure(input);
    console.error(`(measured ${input.name} in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    return row;
  });
  const header = ['input', 'files', 'MB', 'index ms', 'parse ms', 'ratio', '100 KB ms', 'edit ms', 'render ms', 'md render ms', 'ratio', 'heap MB', '× text', 'slowest file ms'];
  printTable(header, rows.map((r) => [
    r.input.name, String(r.input.texts.length), r.mb.toFixed(1), r.indexMs.toFixed(0), r.parseMs.toFixed(0), (r.indexMs / r.parseMs).toFixed(2),
    r.coldMs.toFixed(1), r.incrementalMs.toFixed(1), r.renderMs.toFixed(0), r.mdRenderMs.toFixed(0), (r.renderMs / r.mdRenderMs).toFixed(2),
    r.heapMb.toFixed(0), (r.heapMb / r.mb).toFixed(1), r.slowestFileMs === undefined ? '–' : r.slowestFileMs.toFixed(1),
  ]));

  console.log('\nProduction bundles (minified, dependencies included):');
  const sizes = await bundleSizes(ROOT);
  printTable(['bundle', 'KB', 'limit KB', 'within', 'largest parts (KB)'], sizes.map((s) => [
    s.name, (s.bytes / 1024).toFixed(1), String(s.limit / 1024), s.bytes <= s.limit ? 'yes' : 'NO',
    s.top.map(([k, v]) => `${k} ${(v / 1024).toFixed(0)}`).join(', '),
  ]));
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((e) => { console.error(e); process.exit(1); });
