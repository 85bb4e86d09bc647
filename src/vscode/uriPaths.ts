// Path helpers on `Uri.path` (always '/'-separated), so the web build needs no Node `path`.
import * as vscode from 'vscode';

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The file name without its last extension: `notes.md` → `notes`. */
export function stem(uri: vscode.Uri): string {
  const name = baseName(uri);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function parentOf(uri: vscode.Uri): vscode.Uri {
  const slash = uri.path.lastIndexOf('/');
  return uri.with({ path: slash > 0 ? uri.path.slice(0, slash) : '/' });
}

/** True when `uri` is `folder` or lies inside it. */
export function isEqualOrInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return false;
  const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
  return uri.path === folder.path || uri.path.startsWith(base);
}

/** Uri keys for maps (one spelling per resource). */
export function uriKey(uri: vscode.Uri): string {
  return uri.toString();
}

/** The '/'-separated path from folder `from` to `to` (`../notes/a.md`); `to`'s full URI when they
 *  are on different file systems. */
export function relativePath(from: vscode.Uri, to: vscode.Uri): string {
  if (from.scheme !== to.scheme || from.authority !== to.authority) return to.toString();
  const a = from.path.split('/').filter(Boolean);
  const b = to.path.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
