// `paper-study lint`: study gaps of summary files (src/core/lint.ts) as `file:line: message` lines
// or JSON. Exit status: 0 clean, 1 issues found (or an input could not be read), 2 usage error.

import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { indexDocument } from '../core/indexer';
import { lintDocument, type LintRule } from '../core/lint';
import type { CliIO } from './cli';
import { DEFAULT_MAX_BYTES, expandPaths, readMarkdown, type ReadProblem } from './files';

export const LINT_HELP = `Usage: paper-study lint [--json] <file|folder>...

Reports, as file:line: message [rule]:
  no-critique        a paper with no strength, weakness, question, idea or note
  empty-section      a Summary, Strengths or Weaknesses heading with nothing under it
  unknown-note-kind  a callout kind that is not a known kind or alias ([!todo] is read as a note)
  stale-quote        a note quoting (> > …) a sentence that is no longer in the paper
With --json prints
  {"issues":[{"file","line","rule","message","paper"}]}   (paper: its title, or null)
Exit status: 0 no issues, 1 issues found or an input could not be read, 2 usage error.`;

/** One row of `lint --json`. */
export interface LintRow { file: string; line: number; rule: LintRule; message: string; paper: string | null }

export function lintCommand(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args: [...args], allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, 'max-size': { type: 'string' } },
  });
  if (values.help) { io.out(LINT_HELP + '\n'); return 0; }
  const maxBytes = values['max-size'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-size']) * 1024 * 1024;
  if (!(maxBytes > 0)) return usage(io, '--max-size needs a positive number of megabytes');
  if (positionals.length === 0) return usage(io, 'lint: give at least one file or folder (see paper-study lint --help)');

  const problems: ReadProblem[] = [];
  const rows: LintRow[] = [];
  let fileCount = 0;
  for (const file of expandPaths(positionals, problems)) {
    const r = readMarkdown(file, maxBytes);
    if (!('text' in r)) { problems.push(r); continue; }
    fileCount++;
    const index = indexDocument(r.text, { fileName: path.basename(r.path) });
    for (const issue of lintDocument(r.text, index)) {
      rows.push({ file: r.path, line: issue.line, rule: issue.rule, message: issue.message, paper: index.papers[issue.paper]?.title ?? null });
    }
  }
  for (const p of problems) io.err(`paper-study: ${p.path}: ${p.message}\n`);

  if (values.json) io.out(JSON.stringify({ issues: rows }, null, 2) + '\n');
  else {
    for (const row of rows) io.out(`${row.file}:${row.line}: ${row.message} [${row.rule}]\n`);
    const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
    io.out(rows.length ? `${rows.length} issue${rows.length === 1 ? '' : 's'} in ${files}\n` : `No issues in ${files}.\n`);
  }
  return rows.length > 0 || problems.length > 0 ? 1 : 0;
}

function usage(io: CliIO, message: string): number {
  io.err(`paper-study: ${message}\n`);
  return 2;
}
