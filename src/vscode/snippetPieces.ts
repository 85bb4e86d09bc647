// Inserted text as pieces: literal text and placeholders. The same pieces become a snippet (tab
// through title and body) or plain text (where snippets cannot be applied).
import * as vscode from 'vscode';

export type Piece = string | { readonly placeholder: string; readonly tabstop: number };

export function plainText(pieces: readonly Piece[]): string {
  return pieces.map((p) => typeof p === 'string' ? p : p.placeholder).join('');
}

export function toSnippet(pieces: readonly Piece[]): vscode.SnippetString {
  const snippet = new vscode.SnippetString();
  for (const piece of pieces) {
    if (typeof piece === 'string') snippet.appendText(piece);
    else snippet.appendPlaceholder(piece.placeholder, piece.tabstop);
  }
  return snippet;
}

/** Where the first placeholder's text lies in `plainText(pieces)`, as [start, end). */
export function firstPlaceholderSpan(pieces: readonly Piece[]): [number, number] | undefined {
  let offset = 0;
  let best: { tabstop: number; span: [number, number] } | undefined;
  for (const piece of pieces) {
    if (typeof piece === 'string') { offset += piece.length; continue; }
    if (!best || piece.tabstop < best.tabstop) best = { tabstop: piece.tabstop, span: [offset, offset + piece.placeholder.length] };
    offset += piece.placeholder.length;
  }
  return best?.span;
}

/**
 * Splits `text` at the markers (each must occur exactly once) into pieces whose placeholders hold
 * the marker's value. Undefined when a marker is missing or repeated.
 */
export function piecesFromMarkers(text: string, markers: readonly { readonly marker: string; readonly placeholder: string; readonly tabstop: number }[]): Piece[] | undefined {
  const found = markers.map((m) => ({ ...m, at: text.indexOf(m.marker) }));
  if (found.some((m) => m.at < 0 || text.indexOf(m.marker, m.at + 1) >= 0)) return undefined;
  found.sort((a, b) => a.at - b.at);
  const pieces: Piece[] = [];
  let from = 0;
  for (const m of found) {
    if (m.at < from) return undefined; // overlapping markers
    pieces.push(text.slice(from, m.at), { placeholder: m.placeholder, tabstop: m.tabstop });
    from = m.at + m.marker.length;
  }
  pieces.push(text.slice(from));
  return pieces.filter((p) => p !== '');
}
