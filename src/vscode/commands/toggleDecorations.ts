// Toggle Critique Highlights: flips `paperStudy.decorations.enabled` where it is set (workspace or
// user settings), so that the change takes effect.
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { DECORATIONS_ENABLED } from '../editorDecorations';
import { SETTINGS_SECTION } from '../settings';
import type { Command } from './command';

export class ToggleDecorationsCommand implements Command {
  readonly id = CommandIds.toggleDecorations;

  /** Resolves with the new value. */
  async execute(): Promise<boolean> {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const next = !config.get<boolean>(DECORATIONS_ENABLED, true);
    const where = config.inspect<boolean>(DECORATIONS_ENABLED);
    const target = where?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update(DECORATIONS_ENABLED, next, target);
    return next;
  }
}
