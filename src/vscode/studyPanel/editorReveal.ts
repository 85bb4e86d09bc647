// Shows a place of a document in a text editor next to the study panel (never in the panel's own
// editor group, which would cover it), selected and scrolled into view.
import * as vscode from 'vscode';
import { uriKey } from '../uriPaths';

/** The editor column to use beside a panel in `panelColumn`: the document's, if it is visible elsewhere. */
function columnFor(document: vscode.TextDocument, panelColumn: vscode.ViewColumn | undefined): vscode.ViewColumn {
  const key = uriKey(document.uri);
  const visible = vscode.window.visibleTextEditors.find((e) => uriKey(e.document.uri) === key && e.viewColumn !== panelColumn);
  if (visible?.viewColumn) return visible.viewColumn;
  return panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}

export async function revealInEditor(
  document: vscode.TextDocument, start: number, end: number, panelColumn: vscode.ViewColumn | undefined,
): Promise<vscode.TextEditor> {
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: columnFor(document, panelColumn), preview: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
