// Builds the papers tree's nodes from the workspace index, applying the filter. Holds no UI.
import type * as vscode from 'vscode';
import { countsOf } from '../core/indexer';
import { CRITIQUE_KINDS, type CritiqueKind, type DocumentIndex } from '../core/model';
import { groupMatches, paperMatches, type PaperFilterState } from './paperFilter';
import { FileNode, type GroupNode, type ItemNode, type PaperNode, type PapersNode } from './papersNodes';
import type { IndexedFile, WorkspaceIndex } from './workspaceIndex';
import { uriKey } from './uriPaths';

export class PapersModel {
  private readonly fileNodes = new Map<string, FileNode>();

  constructor(readonly index: WorkspaceIndex, private readonly filter: PaperFilterState) {}

  /** The stable node of `uri` (created on first use). */
  fileNode(uri: vscode.Uri): FileNode {
    const key = uriKey(uri);
    let node = this.fileNodes.get(key);
    if (!node) this.fileNodes.set(key, node = new FileNode(uri));
    return node;
  }

  /** Drops the node of a file that is gone. */
  forget(uri: vscode.Uri): void {
    this.fileNodes.delete(uriKey(uri));
  }

  /** Files with at least one paper that passes the filter. */
  roots(): FileNode[] {
    return this.index.all().filter((f) => this.visiblePapers(f).length > 0).map((f) => this.fileNode(f.uri));
  }

  isShown(uri: vscode.Uri): boolean {
    const file = this.index.get(uri);
    return file !== undefined && this.visiblePapers(file).length > 0;
  }

  papers(node: FileNode): PaperNode[] {
    const file = this.index.get(node.uri);
    return file ? this.visiblePapers(file) : [];
  }

  groups(node: PaperNode): GroupNode[] {
    const file = this.index.get(node.file.uri);
    if (!file) return [];
    return CRITIQUE_KINDS
      .filter((kind) => node.counts[kind] > 0 && groupMatches(this.filter.current, kind))
      .map((kind) => this.group(node, kind, file.index));
  }

  parent(node: PapersNode): PapersNode | undefined {
    switch (node.type) {
      case 'file': return undefined;
      case 'paper': return node.file;
      case 'group': return node.parent;
      case 'item': return node.parent;
    }
  }

  /** The paper node whose text holds `offset` (the last one when it is past the end). */
  paperAt(uri: vscode.Uri, offset: number): PaperNode | undefined {
    const file = this.index.get(uri);
    if (!file) return undefined;
    const papers = this.allPapers(file);
    return papers.find((p) => offset >= p.paper.start && offset < p.paper.end)
      ?? papers.find((p) => offset === p.paper.end);
  }

  private allPapers(file: IndexedFile): PaperNode[] {
    const fileNode = this.fileNode(file.uri);
    return file.index.papers.map((paper, paperIndex) => ({
      type: 'paper' as const, file: fileNode, paperIndex, paper, counts: countsOf(file.index, paperIndex),
    }));
  }

  private visiblePapers(file: IndexedFile): PaperNode[] {
    return this.allPapers(file).filter((p) => paperMatches(this.filter.current, p.paper, p.counts));
  }

  /** Items in text order: critique sentences outside notes, and notes (as `countsOf` counts them). */
  private group(paper: PaperNode, kind: CritiqueKind, index: DocumentIndex): GroupNode {
    const items: ItemNode[] = [];
    const group: GroupNode = { type: 'group', parent: paper, kind, items };
    for (const s of index.sentences) {
      if (s.paper !== paper.paperIndex || s.kind !== kind || s.note !== undefined) continue;
      items.push({ type: 'item', parent: group, kind, origin: 'sentence', text: s.text, start: s.start, end: s.end, line: s.line, source: s.source, cue: s.cue });
    }
    for (const n of index.notes) {
      if (n.paper !== paper.paperIndex || n.kind !== kind) continue;
      const text = [n.title, n.body].filter((t) => t.trim() !== '').join(' — ');
      items.push({ type: 'item', parent: group, kind, origin: 'note', text: text || n.rawKind, start: n.start, end: n.end, line: n.line, source: 'note', cue: n.rawKind, quote: n.quote });
    }
    items.sort((a, b) => a.start - b.start);
    return group;
  }
}
