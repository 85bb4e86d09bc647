// Reads a summary file's text: the open document's (unsaved edits included) or the file on disk
// through `workspace.fs` (works in web and remote workspaces), skipping files above a size limit
// and files that are not UTF-8 text (binaries, UTF-16), as the CLI does.
import * as vscode from 'vscode';
import { encodingProblem } from '../core/encoding';
import { uriKey } from './uriPaths';

export type FileText =
  | { readonly kind: 'text'; readonly text: string; readonly version: number | undefined }
  | { readonly kind: 'too-big'; readonly size: number }
  | { readonly kind: 'unreadable'; readonly reason: string };

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uriKey(uri);
  return vscode.workspace.textDocuments.find((d) => uriKey(d.uri) === key && !d.isClosed);
}

const decoder = new TextDecoder('utf-8'); // drops a BOM, as text documents do

/** UTF-8 size of `text`, counted only when the character count leaves it in doubt. */
function exceeds(text: string, maxSize: number): number | undefined {
  if (text.length > maxSize) return text.length;
  if (text.length * 3 <= maxSize) return undefined;
  const size = new TextEncoder().encode(text).length;
  return size > maxSize ? size : undefined;
}

export async function readFileText(uri: vscode.Uri, maxSize: number): Promise<FileText> {
  const open = openDocument(uri);
  if (open) {
    const text = open.getText();
    const size = exceeds(text, maxSize);
    return size === undefined ? { kind: 'text', text, version: open.version } : { kind: 'too-big', size };
  }
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxSize) return { kind: 'too-big', size: stat.size };
    const bytes = await vscode.workspace.fs.readFile(uri);
    const problem = encodingProblem(bytes);
    if (problem) return { kind: 'unreadable', reason: problem };
    return { kind: 'text', text: decoder.decode(bytes), version: undefined };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}
