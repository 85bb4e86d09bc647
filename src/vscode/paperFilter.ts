// The papers view's filter: by title (substring), tag (paper metadata) or critique kind.
import * as vscode from 'vscode';
import type { CritiqueCounts, CritiqueKind, Paper } from '../core/model';
import { kindLabel } from './critiqueStyle';
import { Disposable } from './disposable';

export type PaperFilter =
  | { readonly by: 'title' | 'tag'; readonly value: string }
  | { readonly by: 'kind'; readonly value: CritiqueKind };

const fold = (s: string) => s.toLocaleLowerCase().replace(/^#/, '').trim();

export function paperMatches(filter: PaperFilter | undefined, paper: Paper, counts: CritiqueCounts): boolean {
  if (!filter) return true;
  switch (filter.by) {
    case 'title': return fold(paper.title).includes(fold(filter.value));
    case 'tag': return (paper.meta.tags ?? []).some((tag) => fold(tag) === fold(filter.value));
    case 'kind': return counts[filter.value] > 0;
  }
}

/** With a kind filter only that kind's group is shown. */
export function groupMatches(filter: PaperFilter | undefined, kind: CritiqueKind): boolean {
  return filter?.by !== 'kind' || filter.value === kind;
}

/** Shown as the view's description while the filter is on. */
export function describeFilter(filter: PaperFilter): string {
  switch (filter.by) {
    case 'title': return vscode.l10n.t('title: {0}', filter.value);
    case 'tag': return vscode.l10n.t('tag: {0}', filter.value);
    case 'kind': return vscode.l10n.t('kind: {0}', kindLabel(filter.value));
  }
}

/** The current filter, with an event when it changes. */
export class PaperFilterState extends Disposable {
  private filter: PaperFilter | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<PaperFilter | undefined>());
  readonly onDidChange = this.changed.event;

  get current(): PaperFilter | undefined {
    return this.filter;
  }

  set(filter: PaperFilter | undefined): void {
    const value = filter && filter.value.trim() === '' ? undefined : filter;
    this.filter = value;
    this.changed.fire(value);
  }
}
