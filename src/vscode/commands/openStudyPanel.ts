// Open Study Panel: shows a paper (or a whole file) in the study panel. From the tree: the node's
// paper or file; from code: `{ uri, paper? }`; from the palette: the paper at the cursor (the whole
// file when the cursor is in none), or a paper picked from the workspace when no Markdown is open.
import * as vscode from 'vscode';
import type { StudyTarget } from '../../shared/messages';
import { CommandIds } from '../commandIds';
import { fileOf, isPapersNode, paperOf } from '../papersNodes';
import type { Prompts } from '../prompts';
import { StudyPanel, type StudyPanelDeps } from '../studyPanel/studyPanel';
import { uriKey } from '../uriPaths';
import type { Command } from './command';
import { paperItems, pickPaper } from './paperPicker';

/** Programmatic arguments: a file, and optionally the index of one of its papers. */
export interface OpenStudyPanelArgs {
  readonly uri: string;
  readonly paper?: number;
}

function isOpenStudyPanelArgs(value: unknown): value is OpenStudyPanelArgs {
  const v = value as Record<string, unknown> | undefined;
  return typeof v?.uri === 'string' && (v.paper === undefined || (typeof v.paper === 'number' && Number.isInteger(v.paper) && v.paper >= 0));
}

export class OpenStudyPanelCommand implements Command {
  readonly id = CommandIds.openStudyPanel;

  constructor(private readonly deps: StudyPanelDeps, private readonly prompts: Prompts) {}

  /** Resolves with what the panel shows, or undefined when nothing was chosen. */
  async execute(arg?: unknown): Promise<StudyTarget | undefined> {
    const target = await this.targetOf(arg);
    if (target) StudyPanel.createOrShow(this.deps, target);
    return target;
  }

  private async targetOf(arg: unknown): Promise<StudyTarget | undefined> {
    if (isPapersNode(arg)) {
      const paper = paperOf(arg);
      const uri = uriKey(fileOf(arg).uri);
      return paper ? { uri, paper: { index: paper.paperIndex, title: paper.paper.title } } : { uri };
    }
    if (isOpenStudyPanelArgs(arg)) return this.inDocument(await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri)), arg.paper);
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'markdown') {
      const offset = editor.document.offsetAt(editor.selection.active);
      const papers = this.deps.index.indexOf(editor.document).papers;
      const at = papers.findIndex((p) => offset >= p.start && offset < p.end);
      return this.inDocument(editor.document, at >= 0 ? at : undefined);
    }
    await this.deps.index.ensureScanned();
    const items = this.deps.index.all().flatMap((f) => paperItems(f.uri, f.index, true));
    const choice = await pickPaper(this.prompts, items, vscode.l10n.t('Study a paper'));
    return choice && this.inDocument(await vscode.workspace.openTextDocument(choice.uri), choice.paperIndex);
  }

  private inDocument(document: vscode.TextDocument, paperIndex: number | undefined): StudyTarget {
    const uri = uriKey(document.uri);
    const paper = paperIndex === undefined ? undefined : this.deps.index.indexOf(document).papers[paperIndex];
    return paper && paperIndex !== undefined ? { uri, paper: { index: paperIndex, title: paper.title } } : { uri };
  }
}
