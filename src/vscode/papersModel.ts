// Builds the papers tree's nodes from the workspace index, applying the filter. Holds no UI.
import type * as vscode from 'vscode';
import { CRITIQUE_KINDS, emptyCounts, type CritiqueCounts, type CritiqueKind, type DocumentIndex } from '../core/model';
import { groupMatches, paperMatches, type PaperFilterState } from './paperFilter';
import { FileNode, type GroupNode, type ItemNode, type PaperNode, type PapersNode } from './papersNodes';
import type { IndexedFile, WorkspaceIndex } from './workspaceIndex';
import { uriKey } from './uriPaths';

/** Each paper's critique counts, as `countsOf` counts them, in one pass over the index. */
function paperCounts(index: DocumentIndex): CritiqueCounts[] {
  const counts = index.papers.map(() => emptyCounts());
  for (const s of index.sentences) {
    if (s.kind !== 'neutral' && s.note === undefined && counts[s.paper]) counts[s.paper][s.kind]++;
  }
  for (const n of index.notes) if (counts[n.paper]) counts[n.paper][n.kind]++;
  return counts;
}

export class PapersModel {
  private readonly fileNodes = new Map<string, FileNode>();
  /** Counts by index: the tree asks for them at every refresh, the index changes only on edits. */
  private readonly counts = new WeakMap<DocumentIndex, CritiqueCounts[]>();
  private rootsCache: { version: number; filter: PaperFilterState['current']; nodes: FileNode[] } | undefined;

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

  /** Files with at least one paper that passes the filter (the same array until either changes). */
  roots(): FileNode[] {
    const { version } = this.index;
    const filter = this.filter.current;
    if (this.rootsCache?.version !== version || this.rootsCache.filter !== filter) {
      const nodes = this.index.all().filter((f) => this.anyVisible(f)).map((f) => this.fileNode(f.uri));
      this.rootsCache = { version, filter, nodes };
    }
    return this.rootsCache.nodes.slice();
  }

  isShown(uri: vscode.Uri): boolean {
    const file = this.index.get(uri);
    return file !== undefined && this.anyVisible(file);
  }

  private anyVisible(file: IndexedFile): boolean {
    const counts = this.countsOf(file.index);
    return file.index.papers.some((paper, k) => paperMatches(this.filter.current, paper, counts[k]));
  }

  papers(node: FileNode): PaperNode[] {
    const file = this.index.get(node.uri);
    return file ? this.visiblePapers(file) : [];
  }

  /** How many papers of the file pass the filter (`papers(node).length`, without making nodes). */
  paperCount(node: FileNode): number {
    const file = this.index.get(node.uri);
    if (!file) return 0;
    const counts = this.countsOf(file.index);
    let n = 0;
    file.index.papers.forEach((paper, k) => { if (paperMatches(this.filter.current, paper, counts[k])) n++; });
    return n;
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
    const counts = this.countsOf(file.index);
    return file.index.papers.map((paper, paperIndex) => ({
      type: 'paper' as const, file: fileNode, paperIndex, paper, counts: { ...counts[paperIndex] },
    }));
  }

  private countsOf(index: DocumentIndex): CritiqueCounts[] {
    let counts = this.counts.get(index);
    if (!counts) this.counts.set(index, counts = paperCounts(index));
    return counts;
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
