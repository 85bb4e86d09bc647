// Commands for the integration tests of the study panel and the editor highlights (hidden from the
// command palette): the panel's last rendering and its page's report, actions performed in the
// page as a user would, reviving a panel from saved state, and the highlights of an editor.
import * as vscode from 'vscode';
import type { CritiqueKind } from '../../core/model';
import type { SimulatedAction } from '../../shared/messages';
import { CommandIds, STUDY_PANEL_VIEW_TYPE } from '../commandIds';
import type { CritiqueDecorations } from '../editorDecorations';
import { StudyPanel, type StudyPanelSnapshot } from '../studyPanel/studyPanel';
import type { StudyPanelSerializer } from '../studyPanel/studyPanelSerializer';
import { uriKey } from '../uriPaths';
import type { Command } from './command';

export class StudyPanelStateCommand implements Command {
  readonly id = CommandIds.testGetStudyPanelState;

  /** Waits for pending updates; undefined when no panel is open. */
  async execute(): Promise<StudyPanelSnapshot | undefined> {
    const panel = StudyPanel.currentPanel;
    await panel?.whenIdle();
    return panel?.snapshot();
  }
}

export class StudyPanelActionCommand implements Command {
  readonly id = CommandIds.testStudyPanelAction;

  /** Posts the action to the page; false when no panel is open or the page did not take it. */
  async execute(action?: unknown): Promise<boolean> {
    const panel = StudyPanel.currentPanel;
    return panel ? panel.simulate(action as SimulatedAction) : false;
  }
}

export class ReviveStudyPanelCommand implements Command {
  readonly id = CommandIds.testReviveStudyPanel;

  constructor(private readonly serializer: StudyPanelSerializer) {}

  /** Does what a window reload does: a new panel of the study type, handed to the serializer.
   *  True when the panel was revived (false when the serializer refused the state). */
  async execute(state?: unknown): Promise<boolean> {
    const panel = vscode.window.createWebviewPanel(STUDY_PANEL_VIEW_TYPE, 'Study', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    await this.serializer.deserializeWebviewPanel(panel, state);
    return StudyPanel.currentPanel?.runs(panel) ?? false;
  }
}

/** Ranges as [startLine, startCharacter, endLine, endCharacter] (0-based). */
export type RangeTuple = [number, number, number, number];

export class DecorationsSnapshotCommand implements Command {
  readonly id = CommandIds.testGetDecorations;

  constructor(private readonly decorations: CritiqueDecorations) {}

  /** The highlights of the visible editor of `uri` (the active editor by default), by kind. */
  async execute(uri?: unknown): Promise<Record<CritiqueKind, RangeTuple[]> | undefined> {
    await this.decorations.whenIdle();
    const editor = typeof uri === 'string'
      ? vscode.window.visibleTextEditors.find((e) => uriKey(e.document.uri) === vscode.Uri.parse(uri).toString())
      : vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const ranges = this.decorations.rangesIn(editor);
    const tuples = (list: readonly vscode.Range[]): RangeTuple[] => list.map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]);
    return { strength: tuples(ranges.strength), weakness: tuples(ranges.weakness), question: tuples(ranges.question), idea: tuples(ranges.idea), note: tuples(ranges.note) };
  }
}
