// Create Summary File: asks for a name, creates the file in the workspace with a title and one
// paper skeleton, and opens it (an untitled document when no folder is open).
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { paperSkeleton } from '../paperSkeleton';
import { plainText } from '../snippetPieces';
import type { Prompts } from '../prompts';
import type { Command } from './command';

const DEFAULT_NAME = 'paper-summaries.md';

function starterText(eol: string): string {
  const skeleton = paperSkeleton(2, eol, {
    title: vscode.l10n.t('Paper title'),
    summary: vscode.l10n.t('What the paper does and finds.'),
    strength: vscode.l10n.t('What works well.'),
    weakness: vscode.l10n.t('What falls short.'),
  });
  return `# ${vscode.l10n.t('Paper Summaries')}${eol}${eol}${plainText(skeleton)}`;
}

function validName(name: string): string | undefined {
  if (!name.trim()) return vscode.l10n.t('Type a file name.');
  if (name.split('/').some((part) => part === '..')) return vscode.l10n.t('The file must stay inside the workspace folder.');
  return undefined;
}

export class CreateSummaryFileCommand implements Command {
  readonly id = CommandIds.createSummaryFile;

  constructor(private readonly prompts: Prompts) {}

  /** Returns the created (or opened) file's URI as a string. */
  async execute(): Promise<string | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const eol = vscode.workspace.getConfiguration('files').get<string>('eol') === '\r\n' ? '\r\n' : '\n';
    if (!folder) {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: starterText(eol) });
      await vscode.window.showTextDocument(document);
      return document.uri.toString();
    }
    const name = await this.prompts.input({ title: vscode.l10n.t('New summary file'), prompt: vscode.l10n.t('File name, relative to {0}', folder.name), value: DEFAULT_NAME, validate: validName });
    if (!name) return undefined;
    const uri = vscode.Uri.joinPath(folder.uri, /\.(md|markdown)$/i.test(name.trim()) ? name.trim() : `${name.trim()}.md`);
    let exists = true;
    try { await vscode.workspace.fs.stat(uri); } catch { exists = false; }
    if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterText(eol)));
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri.toString();
  }
}
