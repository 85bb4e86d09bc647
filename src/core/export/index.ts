// Annotated export of a whole file or one paper: GitHub, Obsidian and plain Markdown, or a standalone
// HTML page. Every flavour ends each paper with a critique digest. Output is deterministic: no dates,
// document order throughout.

import type { DocumentIndex } from '../model';
import { indexDocument } from '../indexer';
import { annotateMarkdown, type MarkdownFlavour } from './annotateMarkdown';
import { githubFlavour } from './github';
import { obsidianFlavour } from './obsidian';
import { plainFlavour } from './plain';
import { exportHtml } from './html';

export type ExportFormat = 'github' | 'obsidian' | 'plain' | 'html';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['github', 'obsidian', 'plain', 'html'];

export interface ExportOptions {
  readonly format: ExportFormat;
  /** The source file's path relative to where the export is read: digest links point to it. */
  readonly fileName: string;
  /** Index into the papers: export only that paper. */
  readonly paper?: number;
  /** The index of `text`, when the caller has it already. */
  readonly index?: DocumentIndex;
  /** Page title of the HTML export (default: the paper's title or the file name). */
  readonly title?: string;
}

export function exportDocument(text: string, opts: ExportOptions): string {
  const index = opts.index ?? indexDocument(text, { fileName: opts.fileName });
  if (opts.paper !== undefined && !(Number.isInteger(opts.paper) && opts.paper >= 0 && opts.paper < index.papers.length)) {
    throw new RangeError(`paper ${opts.paper} is out of range (the document has ${index.papers.length})`);
  }
  if (opts.format === 'html') return exportHtml(text, index, opts);
  return annotateMarkdown(text, index, opts, flavourOf(opts.format));
}

function flavourOf(format: Exclude<ExportFormat, 'html'>): MarkdownFlavour {
  switch (format) {
    case 'github': return githubFlavour;
    case 'obsidian': return obsidianFlavour();
    case 'plain': return plainFlavour;
  }
}
