// Open Sample Summaries: the example file shipped with the extension (`examples/`), read-only.
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { Command } from './command';

export const SAMPLE_PATH = ['examples', 'paper-summaries.md'] as const;

export class OpenSampleCommand implements Command {
  readonly id = CommandIds.openSample;

  constructor(private readonly extensionUri: vscode.Uri) {}

  async execute(): Promise<string> {
    const uri = vscode.Uri.joinPath(this.extensionUri, ...SAMPLE_PATH);
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri.toString();
  }
}
