// Where a new note goes and what it quotes: at the cursor when it is inside a paper (quoting the
// selection, if any), after a sentence picked in the tree (quoting it), or at the end of a paper
// (the tree's, or one chosen from a quick pick).
import * as vscode from 'vscode';
import type { DocumentIndex, Paper } from '../../core/model';
import type { InsertTarget } from '../../core/noteInsertion';
import { mapOffset } from '../../core/textEdit';
import { fileOf, type PapersNode } from '../papersNodes';
import type { Prompts } from '../prompts';
import type { WorkspaceIndex } from '../workspaceIndex';
import { paperItems, pickPaper } from './paperPicker';

export interface NoteTarget {
  readonly document: vscode.TextDocument;
  /** The text the note quotes, if any. */
  readonly quote?: string;
  /** The insertion target in `text` (called again if the document changes before the edit). */
  targetIn(text: string, index: DocumentIndex): InsertTarget | undefined;
}

/** Arguments for calling the insert commands from code (tests, other commands). */
export interface NoteLocationOptions {
  readonly uri?: string;
  /** Insert at this offset of the document's current text. */
  readonly offset?: number;
  /** Or at the end of this paper (index into the document's papers). */
  readonly paper?: number;
  readonly quote?: string;
}

/** The paper that was `paperIndex` (titled `title`) in the text the target was chosen from; none
 *  when no paper has that title any more (never another paper that took its place). */
function findPaper(index: DocumentIndex, paperIndex: number, title: string | undefined): Paper | undefined {
  const same = index.papers[paperIndex];
  if (same && (title === undefined || same.title === title)) return same;
  return index.papers.find((p) => p.title === title);
}

function atPaperEnd(document: vscode.TextDocument, paperIndex: number, title?: string, quote?: string): NoteTarget {
  return {
    document, quote,
    targetIn: (_text, index) => {
      const paper = findPaper(index, paperIndex, title);
      return paper && { paperEnd: { start: paper.start, end: paper.end } };
    },
  };
}

/** At an offset of the document's current text; if the text changes before the edit, the offset
 *  follows the change, and is given up when the change covers it. */
function atOffset(document: vscode.TextDocument, offset: number, quote?: string): NoteTarget {
  const base = document.getText();
  return {
    document, quote,
    targetIn: (text) => {
      const now = mapOffset(base, text, offset);
      return now === undefined ? undefined : { offset: now };
    },
  };
}

function paperAt(index: DocumentIndex, offset: number): Paper | undefined {
  return index.papers.find((p) => offset >= p.start && offset < p.end) ?? index.papers.find((p) => offset === p.end);
}

export class NoteTargetResolver {
  constructor(private readonly index: WorkspaceIndex, private readonly prompts: Prompts) {}

  async resolve(arg: PapersNode | NoteLocationOptions | undefined, title: string): Promise<NoteTarget | undefined> {
    if (arg && 'type' in arg) return this.fromNode(arg, title);
    if (arg?.uri) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
      if (arg.offset !== undefined) return atOffset(document, arg.offset, arg.quote);
      if (arg.paper !== undefined) return atPaperEnd(document, arg.paper, undefined, arg.quote);
      return this.pickIn(document, title, arg.quote);
    }
    const editor = vscode.window.activeTextEditor;
    if (editor) return this.fromEditor(editor, title);
    return this.pickInWorkspace(title);
  }

  private async fromNode(node: PapersNode, title: string): Promise<NoteTarget | undefined> {
    const document = await vscode.workspace.openTextDocument(fileOf(node).uri);
    switch (node.type) {
      case 'file': return this.pickIn(document, title);
      case 'paper': return atPaperEnd(document, node.paperIndex, node.paper.title);
      case 'group': return atPaperEnd(document, node.parent.paperIndex, node.parent.paper.title);
      case 'item': {
        const paper = node.parent.parent;
        return node.origin === 'sentence'
          ? atOffset(document, node.start, node.text)
          : atPaperEnd(document, paper.paperIndex, paper.paper.title);
      }
    }
  }

  private fromEditor(editor: vscode.TextEditor, title: string): Promise<NoteTarget | undefined> | NoteTarget {
    const { document } = editor;
    const selected = editor.selection.isEmpty ? undefined : document.getText(editor.selection);
    const quote = selected?.trim() ? selected : undefined;
    // The cursor's offset is read again if the document changes before the edit.
    const cursor = () => document.offsetAt(quote ? editor.selection.end : editor.selection.active);
    if (!paperAt(this.index.indexOf(document), cursor())) return this.pickIn(document, title, quote);
    return { document, quote, targetIn: () => ({ offset: cursor() }) };
  }

  private async pickIn(document: vscode.TextDocument, title: string, quote?: string): Promise<NoteTarget | undefined> {
    const items = paperItems(document.uri, this.index.indexOf(document), false);
    if (items.length === 0) return this.pickInWorkspace(title, quote);
    const choice = await pickPaper(this.prompts, items, title);
    return choice && atPaperEnd(document, choice.paperIndex, items[choice.paperIndex]?.label, quote);
  }

  private async pickInWorkspace(title: string, quote?: string): Promise<NoteTarget | undefined> {
    await this.index.ensureScanned();
    const items = this.index.all().flatMap((f) => paperItems(f.uri, f.index, true));
    const choice = await pickPaper(this.prompts, items, title);
    if (!choice) return undefined;
    const document = await vscode.workspace.openTextDocument(choice.uri);
    return atPaperEnd(document, choice.paperIndex, this.index.get(choice.uri)?.index.papers[choice.paperIndex]?.title, quote);
  }
}
