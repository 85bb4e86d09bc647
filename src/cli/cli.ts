// The `paper-study` command line: papers, critique and export over Markdown files and folders.
// Its JSON output is a stable contract (see README): fields are only ever added, never renamed.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { indexDocument, countsOf } from '../core/indexer';
import { plainText } from '../core/inline';
import { CRITIQUE_KINDS, type CritiqueKind } from '../core/model';
import { exportDocument, type ExportFormat } from '../core/export/index';
import { lintCommand } from './lint';
import { DEFAULT_MAX_BYTES, expandPaths, readMarkdown, type FileSystem, type MarkdownFile, type ReadProblem } from './files';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Where inputs are read from (default: the real file system); tests put faults in. */
  readonly files?: FileSystem;
}

const VERSION = '0.1.0';
const FORMATS: readonly ExportFormat[] = ['github', 'obsidian', 'plain', 'html'];

const HELP: Record<string, string> = {
  main: `paper-study — papers, critique and annotated export for Markdown paper summaries

Usage:
  paper-study papers   [--json] <file|folder>...   list the papers with their critique counts
  paper-study critique [--json] [--kind K] <file|folder>...
                                                 every sentence of every paper, with its critique kind
  paper-study export   [--format F] [--out FILE] [--paper N] <file>
                                                 annotated Markdown (github, obsidian, plain) or HTML
  paper-study lint     [--json] <file|folder>...   study gaps: papers with no critique, empty sections,
                                                 unknown note kinds, notes quoting removed sentences

Options for all commands:
  --max-size MB   skip files larger than this (default ${DEFAULT_MAX_BYTES / 1024 / 1024})
  -h, --help      help for a command
  -v, --version   print the version

Exit status: 0 when every input was read, 1 when some input could not be used (the others are still
processed), 2 for a usage error.`,
  papers: `Usage: paper-study papers [--json] <file|folder>...

Lists the papers found in Markdown files (folders are walked for *.md, skipping node_modules, .git
and symlinked folders). With --json prints
  {"papers":[{"file","title","line","counts":{"strength","weakness","question","idea","note"}}]}`,
  critique: `Usage: paper-study critique [--json] [--kind strength|weakness|question|idea|note|neutral] <file|folder>...

Prints every sentence of every paper's prose with its critique kind, the rule that decided it
(note, section, prose, none) and the cue. With --json prints
  {"sentences":[{"file","paper","line","text","kind","source","cue"}]}
Without --json, neutral sentences are left out unless --kind neutral is given.`,
  export: `Usage: paper-study export [--format github|obsidian|plain|html] [--out FILE] [--paper N] <file>

Writes annotated Markdown (or a standalone HTML page) carrying the critique highlights, the notes and
a critique digest per paper. --paper N exports only the N-th paper (1-based). Without --out, prints to
standard output. --out never overwrites an existing file unless --force is given.`,
};

class UsageError extends Error {}

/** One row of `papers --json`. */
export interface PaperRow { file: string; title: string; line: number; counts: Record<CritiqueKind, number> }
/** One row of `critique --json`. */
export interface SentenceRow { file: string; paper: string; line: number; text: string; kind: string; source: string; cue: string }

export function runCli(argv: readonly string[], io: CliIO): number {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    io.out(HELP.main + '\n');
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') { io.out(`${VERSION}\n`); return 0; }
  try {
    switch (command) {
      case 'papers': return papersCommand(rest, io);
      case 'critique': return critiqueCommand(rest, io);
      case 'export': return exportCommand(rest, io);
      case 'lint': return lintCommand(rest, io);
      default: throw new UsageError(`unknown command '${command}' (try: paper-study --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`paper-study: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

function parse(command: string, args: readonly string[], extra: Record<string, { type: 'string' | 'boolean'; short?: string }>) {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, 'max-size': { type: 'string' }, ...extra },
  });
  const maxSize = values['max-size'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-size']) * 1024 * 1024;
  if (!(maxSize > 0)) throw new UsageError(`--max-size needs a positive number of megabytes`);
  if (!values.help && positionals.length === 0) throw new UsageError(`${command}: give at least one file or folder (see paper-study ${command} --help)`);
  return { values: values as Record<string, string | boolean | undefined>, positionals, maxSize };
}

/** Reads every input; reports each unusable one on stderr and returns the rest. */
function loadAll(inputs: readonly string[], maxBytes: number, io: CliIO): { files: MarkdownFile[]; failed: boolean } {
  const problems: ReadProblem[] = [];
  const files: MarkdownFile[] = [];
  for (const p of expandPaths(inputs, problems, io.files)) {
    const r = readMarkdown(p, maxBytes, io.files);
    if ('text' in r) files.push(r); else problems.push(r);
  }
  for (const p of problems) io.err(`paper-study: ${p.path}: ${p.message}\n`);
  return { files, failed: problems.length > 0 };
}

function papersCommand(args: readonly string[], io: CliIO): number {
  const { values, positionals, maxSize } = parse('papers', args, {});
  if (values.help) { io.out(HELP.papers + '\n'); return 0; }
  const { files, failed } = loadAll(positionals, maxSize, io);
  const papers: PaperRow[] = [];
  for (const f of files) {
    const index = indexDocument(f.text, { fileName: path.basename(f.path) });
    for (const pr of index.problems) io.err(`paper-study: ${f.path}: ${pr}\n`);
    index.papers.forEach((p, k) => papers.push({ file: f.path, title: p.title, line: p.line, counts: countsOf(index, k) }));
  }
  if (values.json) io.out(JSON.stringify({ papers }, null, 2) + '\n');
  else {
    let last = '';
    for (const p of papers) {
      if (p.file !== last) { io.out(`${p.file}\n`); last = p.file; }
      const counts = CRITIQUE_KINDS.filter((k) => p.counts[k] > 0).map((k) => `${p.counts[k]} ${plural(k, p.counts[k])}`).join(', ');
      io.out(`  ${String(p.line).padStart(5)}  ${p.title}${counts ? `  (${counts})` : '  (no critique)'}\n`);
    }
    if (!papers.length) io.out('No papers found.\n');
  }
  return failed ? 1 : 0;
}

function plural(kind: CritiqueKind, n: number): string {
  const word = kind === 'weakness' ? 'weakness' : kind;
  if (n === 1) return word;
  return kind === 'weakness' ? 'weaknesses' : `${word}s`;
}

function critiqueCommand(args: readonly string[], io: CliIO): number {
  const { values, positionals, maxSize } = parse('critique', args, { kind: { type: 'string' } });
  if (values.help) { io.out(HELP.critique + '\n'); return 0; }
  const kind = values.kind as string | undefined;
  if (kind && ![...CRITIQUE_KINDS, 'neutral'].includes(kind)) throw new UsageError(`--kind must be one of ${[...CRITIQUE_KINDS, 'neutral'].join(', ')}`);
  const { files, failed } = loadAll(positionals, maxSize, io);
  const sentences: SentenceRow[] = [];
  for (const f of files) {
    const index = indexDocument(f.text, { fileName: path.basename(f.path) });
    for (const s of index.sentences) {
      if (kind && s.kind !== kind) continue;
      sentences.push({ file: f.path, paper: index.papers[s.paper].title, line: s.line, text: plainText(s.text), kind: s.kind, source: s.source, cue: s.cue });
    }
  }
  if (values.json) io.out(JSON.stringify({ sentences }, null, 2) + '\n');
  else {
    let last = '';
    for (const s of sentences) {
      if (!kind && s.kind === 'neutral') continue;
      const head = `${s.file} — ${s.paper}`;
      if (head !== last) { io.out(`\n${head}\n`); last = head; }
      io.out(`  L${s.line} ${s.kind.toUpperCase()} (${s.source}: ${s.cue})\n      ${s.text}\n`);
    }
  }
  return failed ? 1 : 0;
}

function exportCommand(args: readonly string[], io: CliIO): number {
  const { values, positionals, maxSize } = parse('export', args, {
    format: { type: 'string' }, out: { type: 'string', short: 'o' }, paper: { type: 'string' }, force: { type: 'boolean' },
  });
  if (values.help) { io.out(HELP.export + '\n'); return 0; }
  const format = (values.format as string | undefined) ?? 'github';
  if (!FORMATS.includes(format as ExportFormat)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (positionals.length !== 1) throw new UsageError('export takes exactly one file');
  const r = readMarkdown(positionals[0], maxSize, io.files);
  if (!('text' in r)) { io.err(`paper-study: ${r.path}: ${r.message}\n`); return 1; }
  const index = indexDocument(r.text, { fileName: path.basename(r.path) });
  let paper: number | undefined;
  if (values.paper !== undefined) {
    paper = Number(values.paper) - 1;
    if (!Number.isInteger(paper) || paper < 0 || paper >= index.papers.length) {
      throw new UsageError(`--paper must be a number from 1 to ${index.papers.length}`);
    }
  }
  const out = values.out as string | undefined;
  const fileName = out ? path.relative(path.dirname(path.resolve(out)), path.resolve(r.path)).split(path.sep).join('/') : path.basename(r.path);
  const result = exportDocument(r.text, { format: format as ExportFormat, fileName, paper, index });
  if (!out) { io.out(result); return 0; }
  if (fs.existsSync(out) && !values.force) {
    io.err(`paper-study: ${out}: already exists (use --force to overwrite)\n`);
    return 1;
  }
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(tmp, result);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true }); // the old file (if any) is untouched: only the rename replaces it
    io.err(`paper-study: ${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return 1;
  }
  io.err(`paper-study: wrote ${out} (${format})\n`);
  return 0;
}
