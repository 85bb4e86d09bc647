// The nodes of the papers tree: file → paper → critique group → item (sentence or note).
import type * as vscode from 'vscode';
import type { CritiqueCounts, CritiqueKind, CritiqueSource, Paper } from '../core/model';

/** One per file, kept for the file's lifetime so that the tree can refresh just that node. */
export class FileNode {
  readonly type = 'file';
  constructor(readonly uri: vscode.Uri) {}
}

export interface PaperNode {
  readonly type: 'paper';
  readonly file: FileNode;
  /** Index in the file's `DocumentIndex.papers`. */
  readonly paperIndex: number;
  readonly paper: Paper;
  readonly counts: CritiqueCounts;
}

export interface GroupNode {
  readonly type: 'group';
  readonly parent: PaperNode;
  readonly kind: CritiqueKind;
  readonly items: readonly ItemNode[];
}

export interface ItemNode {
  readonly type: 'item';
  readonly parent: GroupNode;
  readonly kind: CritiqueKind;
  /** A classified sentence outside notes, or a structured note. */
  readonly origin: 'sentence' | 'note';
  /** Full text: the sentence, or the note's title and body. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** 1-based. */
  readonly line: number;
  /** How the kind was decided (sentences), and the cue or heading that decided it. */
  readonly source: CritiqueSource;
  readonly cue: string;
  /** The sentence a note quotes. */
  readonly quote?: string;
}

export type PapersNode = FileNode | PaperNode | GroupNode | ItemNode;

export function fileOf(node: PapersNode): FileNode {
  switch (node.type) {
    case 'file': return node;
    case 'paper': return node.file;
    case 'group': return node.parent.file;
    case 'item': return node.parent.parent.file;
  }
}

export function paperOf(node: PapersNode): PaperNode | undefined {
  switch (node.type) {
    case 'file': return undefined;
    case 'paper': return node;
    case 'group': return node.parent;
    case 'item': return node.parent.parent;
  }
}

/** True for values that are tree nodes (commands get either a node or an options object). */
export function isPapersNode(value: unknown): value is PapersNode {
  if (value instanceof FileNode) return true;
  const type = (value as { type?: unknown } | undefined)?.type;
  return type === 'paper' || type === 'group' || type === 'item';
}
