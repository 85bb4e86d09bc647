// Brings the study panel back after a window reload, from the state its page saved (`setState`).
import type * as vscode from 'vscode';
import { isPersistedState } from '../../shared/messages';
import { StudyPanel, type StudyPanelDeps } from './studyPanel';

export class StudyPanelSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly deps: StudyPanelDeps) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (isPersistedState(state)) StudyPanel.revive(this.deps, panel, state);
    else panel.dispose(); // nothing to show: an unreadable or foreign state
  }
}
