// The operations the robustness cases run in a worker thread (see isolated.ts): the whole pipeline
// on a text (index, study-panel HTML, the preview plugin on an html:true instance, every export),
// the CLI with file-system faults, and the sentence splitter. Results are small summaries; HTML is
// checked here, where a slow check cannot block mocha's timer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import markdownIt from 'markdown-it';
import { runCli } from '../../src/cli/cli';
import { nodeFileSystem, type FileSystem } from '../../src/cli/files';
import { exportDocument, EXPORT_FORMATS } from '../../src/core/export/index';
import { indexDocument } from '../../src/core/indexer';
import { paperStudyPlugin, renderDocument } from '../../src/core/markdownPlugin';
import type { IndexOptions } from '../../src/core/model';
import { splitSentences } from '../../src/core/sentences';
import { pageParts, unsafeParts } from './safeHtml';

export interface SurfacesInput {
  readonly text: string;
  readonly fileName?: string;
  readonly cues?: IndexOptions['cues'];
  /** Return the rendered HTML and exports too (small inputs only). */
  readonly keep?: boolean;
  /** What to run after indexing (default: all), to keep each big case within its timeout. */
  readonly stages?: readonly Stage[];
}

export type Stage = 'panel' | 'preview' | 'export';

const LIST_LIMIT = 500;

function surfaces(input: SurfacesInput) {
  const fileName = input.fileName ?? 'summary.md';
  const want = (stage: Stage) => !input.stages || input.stages.includes(stage);
  const index = indexDocument(input.text, { fileName, cues: input.cues });
  const panel = want('panel') ? renderDocument(input.text, { index }).html : '';
  const preview = want('preview')
    ? markdownIt({ html: true, linkify: true }).use(paperStudyPlugin, { indexOptions: () => ({ fileName, cues: input.cues }) }).render(input.text)
    : '';
  const exports = Object.fromEntries(EXPORT_FORMATS.map((format) => [format, want('export') ? exportDocument(input.text, { format, fileName, index }) : '']));
  const page = want('export') ? pageParts(exports.html) : { head: [], body: '' };
  return {
    index: {
      papers: index.papers.map((p) => ({ title: p.title, line: p.line, titleFrom: p.titleFrom, meta: p.meta, sections: p.sections.length })),
      sentences: index.sentences.slice(0, LIST_LIMIT).map((s) => ({
        text: s.text, kind: s.kind, source: s.source, line: s.line, paper: s.paper, cue: s.cue, start: s.start, end: s.end,
      })),
      sentenceCount: index.sentences.length,
      notes: index.notes.slice(0, LIST_LIMIT).map((n) => ({ kind: n.kind, rawKind: n.rawKind, title: n.title, body: n.body, quote: n.quote, depth: n.depth, line: n.line, paper: n.paper })),
      noteCount: index.notes.length,
      problems: index.problems,
      eol: index.eol,
      bom: index.bom,
      lineCount: index.lineCount,
    },
    unsafe: { panel: unsafeParts(panel), preview: unsafeParts(preview), export: [...page.head, ...unsafeParts(page.body)] },
    html: input.keep ? { panel, preview, export: exports.html } : undefined,
    markdown: input.keep ? { github: exports.github, obsidian: exports.obsidian, plain: exports.plain } : undefined,
  };
}

export interface CliInput {
  readonly argv: readonly string[];
  /** Paths whose reading fails with EACCES (files) or whose listing does (folders). */
  readonly denied?: readonly string[];
  /** Files deleted from disk right after their folder is listed, before they are read. */
  readonly vanish?: readonly string[];
}

function accessError(p: string): Error {
  return Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });
}

function cli(input: CliInput) {
  const denied = new Set((input.denied ?? []).map((p) => path.resolve(p)));
  const vanish = (input.vanish ?? []).map((p) => path.resolve(p));
  const files: FileSystem = {
    stat: (p) => nodeFileSystem.stat(p),
    readDir: (p) => {
      if (denied.has(path.resolve(p))) throw accessError(p);
      const entries = nodeFileSystem.readDir(p);
      for (const v of vanish) if (path.dirname(v) === path.resolve(p)) fs.rmSync(v, { force: true });
      return entries;
    },
    readFile: (p) => {
      if (denied.has(path.resolve(p))) throw accessError(p);
      return nodeFileSystem.readFile(p);
    },
  };
  let out = '';
  let err = '';
  const code = runCli(input.argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, files });
  return { code, out, err };
}

function split(input: { readonly text: string }) {
  return splitSentences(input.text).map((r) => input.text.slice(r.start, r.end));
}

const ops = { surfaces, cli, split };
export type CaseOps = typeof ops;

parentPort?.on('message', (m: { id: number; op: keyof CaseOps; input: never }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: ops[m.op](m.input) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
