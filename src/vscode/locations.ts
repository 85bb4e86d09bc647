// Opening a place in a summary file: reveal it and select it.
import * as vscode from 'vscode';

/** A line (1-based, selected whole) or an offset range in a file. */
export type OpenLocationArgs =
  | { readonly uri: string; readonly line: number }
  | { readonly uri: string; readonly start: number; readonly end: number };

export function isOpenLocationArgs(value: unknown): value is OpenLocationArgs {
  const v = value as Record<string, unknown> | undefined;
  return typeof v?.uri === 'string' && (typeof v.line === 'number' || (typeof v.start === 'number' && typeof v.end === 'number'));
}

export function locationRange(document: vscode.TextDocument, args: OpenLocationArgs): vscode.Range {
  if ('line' in args) {
    const line = Math.min(Math.max(args.line - 1, 0), document.lineCount - 1);
    return document.lineAt(line).range;
  }
  return new vscode.Range(document.positionAt(args.start), document.positionAt(args.end));
}

export async function openLocation(args: OpenLocationArgs): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const range = locationRange(document, args);
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
