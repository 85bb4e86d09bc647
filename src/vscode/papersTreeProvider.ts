// The papers tree's data provider: turns model nodes into tree items and refreshes only the files
// that changed (the whole tree only when files appear, vanish or the filter changes). Files start
// expanded, unless there are many.
import * as vscode from 'vscode';
import { describeCounts, kindGroupLabel, kindIcon, kindLabel } from './critiqueStyle';
import { CommandIds } from './commandIds';
import { Disposable } from './disposable';
import type { OpenLocationArgs } from './locations';
import type { PapersModel } from './papersModel';
import type { FileNode, GroupNode, ItemNode, PaperNode, PapersNode } from './papersNodes';
import type { IndexChange } from './workspaceIndex';
import { uriKey } from './uriPaths';
import { showHidden } from './visibleText';

const LABEL_LENGTH = 80;
/** Files start expanded when the tree has at most this many: beyond, expanding them all would make
 *  every refresh fetch every paper of the workspace. */
const EXPANDED_FILES = 50;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= LABEL_LENGTH ? flat : flat.slice(0, LABEL_LENGTH - 1).trimEnd() + '…';
}

function openCommand(args: OpenLocationArgs): vscode.Command {
  return { command: CommandIds.openLocation, title: vscode.l10n.t('Open'), arguments: [args] };
}

export class PapersTreeProvider extends Disposable implements vscode.TreeDataProvider<PapersNode> {
  private readonly changed = this._register(new vscode.EventEmitter<PapersNode | PapersNode[] | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  /** Files shown at the root the last time it was listed. */
  private shown = new Set<string>();
  /** The view's loading of the roots (the scan, with progress), while it runs. */
  private loading: Promise<void> | undefined;

  constructor(private readonly model: PapersModel, private readonly loadRoots: () => Promise<void>) {
    super();
    this._register(model.index.onDidChange((change) => this.onIndexChange(change)));
  }

  /** Everything again (filter changed, rescan). */
  refreshAll(): void {
    this.changed.fire(undefined);
  }

  private onIndexChange(change: IndexChange): void {
    if (change.all) return this.refreshAll();
    const nodes: FileNode[] = [];
    for (const { uri, kind } of change.files) {
      const wasShown = this.shown.has(uriKey(uri));
      const isShown = kind !== 'removed' && this.model.isShown(uri);
      if (kind === 'removed') this.model.forget(uri);
      if (wasShown !== isShown) return this.refreshAll();
      if (isShown) nodes.push(this.model.fileNode(uri));
    }
    if (nodes.length) this.changed.fire(nodes.length === 1 ? nodes[0] : nodes);
  }

  async getChildren(node?: PapersNode): Promise<PapersNode[]> {
    if (!node) {
      // The first level shows what is indexed so far: the scan publishes more as it goes.
      this.loading ??= this.loadRoots().finally(() => { this.loading = undefined; });
      await Promise.race([this.loading, this.model.index.whenFirstResults()]);
      const roots = this.model.roots();
      this.shown = new Set(roots.map((r) => uriKey(r.uri)));
      return roots;
    }
    switch (node.type) {
      case 'file': return this.model.papers(node);
      case 'paper': return this.model.groups(node);
      case 'group': return [...node.items];
      case 'item': return [];
    }
  }

  getParent(node: PapersNode): PapersNode | undefined {
    return this.model.parent(node);
  }

  getTreeItem(node: PapersNode): vscode.TreeItem {
    switch (node.type) {
      case 'file': return this.fileItem(node);
      case 'paper': return this.paperItem(node);
      case 'group': return this.groupItem(node);
      case 'item': return this.itemItem(node);
    }
  }

  private fileItem(node: FileNode): vscode.TreeItem {
    const expanded = this.shown.size <= EXPANDED_FILES;
    const item = new vscode.TreeItem(node.uri, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    const count = this.model.paperCount(node);
    item.id = `file:${uriKey(node.uri)}`;
    item.label = showHidden(vscode.workspace.asRelativePath(node.uri));
    item.description = count === 1 ? vscode.l10n.t('1 paper') : vscode.l10n.t('{0} papers', count);
    item.iconPath = vscode.ThemeIcon.File;
    item.contextValue = 'paperStudy.file';
    item.tooltip = showHidden(node.uri.toString(true));
    return item;
  }

  private paperItem(node: PaperNode): vscode.TreeItem {
    const { paper } = node;
    const item = new vscode.TreeItem(showHidden(paper.title), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `file:${uriKey(node.file.uri)}#paper:${node.paperIndex}`;
    item.description = describeCounts(node.counts);
    item.iconPath = new vscode.ThemeIcon('book');
    item.contextValue = 'paperStudy.paper';
    item.command = openCommand({ uri: node.file.uri.toString(), line: paper.line });
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**').appendText(paper.title).appendMarkdown('**\n\n');
    const meta = [paper.meta.authors?.join(', '), paper.meta.year, paper.meta.tags?.map((t) => `#${t}`).join(' ')].filter(Boolean);
    if (meta.length) tooltip.appendText(meta.join(' · ')).appendMarkdown('\n\n');
    if (item.description) tooltip.appendText(item.description).appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('{0}, line {1}', vscode.workspace.asRelativePath(node.file.uri), paper.line));
    item.tooltip = tooltip;
    return item;
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    const item = new vscode.TreeItem(kindGroupLabel(node.kind), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `file:${uriKey(node.parent.file.uri)}#paper:${node.parent.paperIndex}/${node.kind}`;
    item.description = String(node.items.length);
    item.iconPath = kindIcon(node.kind);
    item.contextValue = 'paperStudy.group';
    return item;
  }

  private itemItem(node: ItemNode): vscode.TreeItem {
    const item = new vscode.TreeItem(shorten(showHidden(node.text)), vscode.TreeItemCollapsibleState.None);
    const group = node.parent;
    item.id = `file:${uriKey(group.parent.file.uri)}#paper:${group.parent.paperIndex}/${node.kind}/${node.origin}@${node.start}`;
    item.iconPath = kindIcon(node.kind);
    item.contextValue = node.origin === 'note' ? 'paperStudy.note' : 'paperStudy.sentence';
    item.command = openCommand({ uri: group.parent.file.uri.toString(), start: node.start, end: node.end });
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**').appendText(kindLabel(node.kind)).appendMarkdown('** — ').appendText(this.sourceText(node)).appendMarkdown('\n\n');
    tooltip.appendText(node.text).appendMarkdown('\n\n');
    if (node.quote) tooltip.appendMarkdown('> ').appendText(node.quote.replace(/\s+/g, ' ')).appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('{0}, line {1}', vscode.workspace.asRelativePath(group.parent.file.uri), node.line));
    item.tooltip = tooltip;
    return item;
  }

  private sourceText(node: ItemNode): string {
    if (node.origin === 'note') return vscode.l10n.t('note [!{0}]', node.cue);
    switch (node.source) {
      case 'note': return vscode.l10n.t('quoted by a note');
      case 'section': return vscode.l10n.t('in section “{0}”', node.cue);
      case 'prose': return vscode.l10n.t('cue “{0}”', node.cue);
      case 'none': return '';
    }
  }
}
