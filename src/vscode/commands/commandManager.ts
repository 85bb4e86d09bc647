// Registers commands and owns their registrations. A command that fails shows one clear message
// (and logs the details) instead of VS Code's generic "command failed".
import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { Command } from './command';

export class CommandManager extends Disposable {
  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
  }

  register(command: Command): void {
    this._register(vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        return await command.execute(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.log.error(`${command.id}: ${error instanceof Error && error.stack ? error.stack : message}`);
        void vscode.window.showErrorMessage(message);
        return undefined;
      }
    }));
  }
}
