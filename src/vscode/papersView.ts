// The Papers view: the tree view itself, its description and message (the active filter), the
// context keys its menus and welcome content use, progress while the first scan runs, and reveal.
import * as vscode from 'vscode';
import { ContextKeys, VIEW_ID } from './commandIds';
import { Disposable } from './disposable';
import { describeFilter, type PaperFilterState } from './paperFilter';
import type { PapersModel } from './papersModel';
import type { PapersNode } from './papersNodes';
import { PapersTreeProvider } from './papersTreeProvider';

/** A scan shorter than this shows no progress bar. */
const PROGRESS_DELAY_MS = 300;

export class PapersView extends Disposable {
  readonly provider: PapersTreeProvider;
  readonly treeView: vscode.TreeView<PapersNode>;

  constructor(private readonly model: PapersModel, private readonly filter: PaperFilterState) {
    super();
    this.provider = this._register(new PapersTreeProvider(model, () => this.loadRoots()));
    this.treeView = this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }));
    this._register(filter.onDidChange(() => {
      void vscode.commands.executeCommand('setContext', ContextKeys.filterActive, filter.current !== undefined);
      this.provider.refreshAll();
      this.updateState();
    }));
    this._register(model.index.onDidChange(() => this.updateState()));
  }

  /** Scans on first use (with progress in the view when it takes a while), then updates the state. */
  private async loadRoots(): Promise<void> {
    const scan = this.model.index.ensureScanned();
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      void vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: vscode.l10n.t('Scanning for paper summaries…') }, () => scan);
    }, PROGRESS_DELAY_MS);
    try {
      await scan;
    } finally {
      done = true;
      clearTimeout(timer);
    }
    this.updateState();
  }

  private updateState(): void {
    const filter = this.filter.current;
    const shown = this.model.roots().length;
    const any = this.model.index.all().some((f) => f.index.papers.length > 0);
    this.treeView.description = filter ? describeFilter(filter) : undefined;
    this.treeView.message = filter && shown === 0 ? vscode.l10n.t('No paper matches the filter ({0}).', describeFilter(filter)) : undefined;
    void vscode.commands.executeCommand('setContext', ContextKeys.hasSummaries, any);
    void vscode.commands.executeCommand('setContext', ContextKeys.scanned, this.model.index.scanned);
  }

  /** Shows `node` in the tree (selected, expanded), opening the view if needed. */
  async reveal(node: PapersNode): Promise<void> {
    await this.treeView.reveal(node, { select: true, focus: false, expand: true });
  }
}
