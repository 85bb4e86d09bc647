// Opens a link clicked in the study panel, or refuses it: web and mail links go to the system
// (http, https, mailto only); relative links open the workspace file they name, when it lies
// inside a workspace folder. Everything else (other schemes, paths leaving the workspace) is refused.
import * as vscode from 'vscode';
import { urlScheme } from '../../core/markdown';
import { isEqualOrInside, parentOf } from '../uriPaths';

export type LinkDecision =
  | { readonly action: 'external'; readonly uri: string }
  | { readonly action: 'workspace'; readonly uri: string }
  | { readonly action: 'refused'; readonly reason: string };

const EXTERNAL = new Set(['http', 'https', 'mailto']);

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** What clicking `href` in a page rendered from `documentUri` may do. */
export function decideLink(href: string, documentUri: vscode.Uri): LinkDecision {
  const link = href.trim();
  const scheme = urlScheme(link);
  if (EXTERNAL.has(scheme)) {
    try {
      return { action: 'external', uri: vscode.Uri.parse(link, true).toString() };
    } catch {
      return { action: 'refused', reason: 'malformed URL' };
    }
  }
  if (scheme !== '') return { action: 'refused', reason: `scheme ${scheme}: is not allowed` };
  if (link.startsWith('//') || link.startsWith('\\')) return { action: 'refused', reason: 'network path' };
  const path = decodePath(link.replace(/[?#].*$/s, ''));
  if (path === '') return { action: 'refused', reason: 'no file path' };
  if (!path || path.includes('\\') || path.includes('\0')) return { action: 'refused', reason: 'not a file path' };
  const folders = vscode.workspace.workspaceFolders ?? [];
  const base = path.startsWith('/') ? vscode.workspace.getWorkspaceFolder(documentUri)?.uri : parentOf(documentUri);
  if (!base) return { action: 'refused', reason: 'no workspace folder' };
  const target = vscode.Uri.joinPath(base, path);
  if (!folders.some((f) => isEqualOrInside(target, f.uri))) return { action: 'refused', reason: 'outside the workspace' };
  return { action: 'workspace', uri: target.toString() };
}

/** Carries out the decision; a refusal is only logged. */
export async function openDecidedLink(decision: LinkDecision, column: vscode.ViewColumn, log: vscode.LogOutputChannel): Promise<void> {
  switch (decision.action) {
    case 'external':
      await vscode.env.openExternal(vscode.Uri.parse(decision.uri, true));
      return;
    case 'workspace':
      await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(decision.uri), { viewColumn: column, preview: false });
      return;
    case 'refused':
      log.warn(vscode.l10n.t('Study panel: link not opened ({0}).', decision.reason));
      return;
  }
}
