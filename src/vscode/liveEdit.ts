// Applies one edit to a live document as one WorkspaceEdit (one undo step), computed from the
// exact version it is applied to: if the document changes while the edit is prepared, it is
// computed again. The document is shown first so that placeholders become a snippet (tab stops);
// where a snippet cannot be applied the text is inserted plainly and the first placeholder selected.
import * as vscode from 'vscode';
import { firstPlaceholderSpan, plainText, toSnippet, type Piece } from './snippetPieces';

export interface EditPlan {
  /** Offsets into the text the plan was computed from. */
  readonly start: number;
  readonly end: number;
  readonly pieces: readonly Piece[];
}

/** An edit that could not be applied; its message is meant for the user. */
export class EditError extends Error {}

const ATTEMPTS = 3;

/** A test seam: runs after an edit is planned and before it is applied, where another edit (a user
 *  typing, another extension) may land. */
export interface LiveEditHooks {
  beforeApply?(document: vscode.TextDocument): Promise<void>;
}

export async function applyLiveEdit(
  document: vscode.TextDocument,
  planFor: (text: string) => EditPlan | undefined,
  hooks: LiveEditHooks = {},
): Promise<EditPlan | undefined> {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preview: false });
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const version = document.version;
    const plan = planFor(document.getText());
    if (!plan) return undefined;
    const range = new vscode.Range(document.positionAt(plan.start), document.positionAt(plan.end));
    const asSnippet = vscode.window.activeTextEditor?.document === document && plan.pieces.some((p) => typeof p !== 'string');
    const edit = new vscode.WorkspaceEdit();
    if (asSnippet) edit.set(document.uri, [new vscode.SnippetTextEdit(range, toSnippet(plan.pieces))]);
    else edit.replace(document.uri, range, plainText(plan.pieces));
    await hooks.beforeApply?.(document);
    if (document.version !== version) continue; // changed while we computed: compute again
    // VS Code refuses an edit made for an older version of the document (it carries the version):
    // a change that lands while the edit travels is caught there, and the edit is computed again.
    if (!await vscode.workspace.applyEdit(edit)) {
      if (document.version !== version) continue;
      throw new EditError(vscode.l10n.t('Paper Study could not edit {0}.', vscode.workspace.asRelativePath(document.uri)));
    }
    const span = firstPlaceholderSpan(plan.pieces);
    if (!asSnippet && span) {
      editor.selection = new vscode.Selection(document.positionAt(plan.start + span[0]), document.positionAt(plan.start + span[1]));
    }
    editor.revealRange(new vscode.Range(document.positionAt(plan.start), editor.selection.active));
    return plan;
  }
  throw new EditError(vscode.l10n.t('{0} kept changing; the edit was not applied.', vscode.workspace.asRelativePath(document.uri)));
}
