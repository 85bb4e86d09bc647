// Where exports go by default: beside the source, named after it (and the paper), with the flavour
// in the name: `paper-summaries.obsidian.md`, `paper-summaries.bert-pre-training.html`.
import * as vscode from 'vscode';
import type { ExportFormat } from '../core/export/index';
import { parentOf, stem } from './uriPaths';

export function exportExtension(format: ExportFormat): string {
  return format === 'html' ? 'html' : 'md';
}

/** `Attention *Is* All You Need` → `attention-is-all-you-need` (at most 60 characters). */
export function slug(title: string): string {
  const s = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s.slice(0, 60).replace(/-+$/, '') || 'paper';
}

/** The exported file's name for `source` (and one of its papers). */
export function exportFileName(source: vscode.Uri, format: ExportFormat, paperTitle?: string): string {
  const parts = [stem(source), paperTitle === undefined ? undefined : slug(paperTitle), format === 'html' ? undefined : format];
  return `${parts.filter(Boolean).join('.')}.${exportExtension(format)}`;
}

export function defaultExportUri(source: vscode.Uri, format: ExportFormat, paperTitle?: string): vscode.Uri {
  return vscode.Uri.joinPath(parentOf(source), exportFileName(source, format, paperTitle));
}
