// New Paper: inserts a paper skeleton (title, summary, strengths, weaknesses) after the paper at the
// cursor (or the tree's paper), else at the end of the document, with headings at the level of the
// file's existing papers.
import * as vscode from 'vscode';
import type { DocumentIndex } from '../../core/model';
import { detectEol } from '../../core/noteInsertion';
import { applyLiveEdit } from '../liveEdit';
import { padding, paperHeadingLevel, paperSkeleton } from '../paperSkeleton';
import { fileOf, isPapersNode, paperOf } from '../papersNodes';
import type { WorkspaceIndex } from '../workspaceIndex';
import { CommandIds } from '../commandIds';
import type { Command } from './command';

/** Programmatic arguments: the document, and where (default: after the paper at `offset`, else the end). */
export interface NewPaperOptions {
  readonly uri: string;
  readonly offset?: number;
}

function insertionOffset(index: DocumentIndex, text: string, near: number | undefined): number {
  if (near === undefined) return text.length;
  const paper = index.papers.find((p) => near >= p.start && near < p.end);
  return paper ? paper.end : text.length;
}

export class NewPaperCommand implements Command {
  readonly id = CommandIds.newPaper;

  constructor(private readonly index: WorkspaceIndex) {}

  async execute(arg?: unknown): Promise<boolean> {
    let document: vscode.TextDocument;
    let near: () => number | undefined;
    if (isPapersNode(arg)) {
      document = await vscode.workspace.openTextDocument(fileOf(arg).uri);
      const paper = paperOf(arg);
      near = () => paper && this.index.indexOf(document).papers[paper.paperIndex]?.start;
    } else if (arg && typeof (arg as NewPaperOptions).uri === 'string') {
      const options = arg as NewPaperOptions;
      document = await vscode.workspace.openTextDocument(vscode.Uri.parse(options.uri));
      near = () => options.offset;
    } else {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown file to add a paper to it.'));
        return false;
      }
      document = editor.document;
      near = () => document.offsetAt(editor.selection.active);
    }
    const texts = {
      title: vscode.l10n.t('Paper title'),
      summary: vscode.l10n.t('What the paper does and finds.'),
      strength: vscode.l10n.t('What works well.'),
      weakness: vscode.l10n.t('What falls short.'),
    };
    const applied = await applyLiveEdit(document, (text) => {
      const index = this.index.indexText(text, document.uri);
      const offset = insertionOffset(index, text, near());
      const eol = detectEol(text);
      const { before, after } = padding(text, offset, eol);
      return { start: offset, end: offset, pieces: [before, ...paperSkeleton(paperHeadingLevel(index), eol, texts), after].filter((p) => p !== '') };
    });
    return applied !== undefined;
  }
}
