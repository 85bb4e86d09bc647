// Filter Papers: by title, tag or critique kind (asked through the prompts); Clear Filter.
import * as vscode from 'vscode';
import { CRITIQUE_KINDS, type CritiqueKind } from '../../core/model';
import { CommandIds } from '../commandIds';
import { kindGroupLabel } from '../critiqueStyle';
import type { PaperFilter, PaperFilterState } from '../paperFilter';
import type { PickItem, Prompts } from '../prompts';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { Command } from './command';

export class FilterCommand implements Command {
  readonly id = CommandIds.filter;

  constructor(private readonly filter: PaperFilterState, private readonly index: WorkspaceIndex, private readonly prompts: Prompts) {}

  /** With a `PaperFilter` argument it is applied directly. */
  async execute(arg?: unknown): Promise<PaperFilter | undefined> {
    const filter = isPaperFilter(arg) ? arg : await this.ask();
    if (filter) this.filter.set(filter);
    return this.filter.current;
  }

  private async ask(): Promise<PaperFilter | undefined> {
    const by = await this.prompts.pick<PaperFilter['by']>([
      { id: 'title', label: vscode.l10n.t('By title'), description: vscode.l10n.t('papers whose title contains a text'), value: 'title' },
      { id: 'tag', label: vscode.l10n.t('By tag'), description: vscode.l10n.t('papers with a tag in their metadata'), value: 'tag' },
      { id: 'kind', label: vscode.l10n.t('By kind'), description: vscode.l10n.t('papers with strengths, weaknesses, …; only that group shown'), value: 'kind' },
    ], { title: vscode.l10n.t('Filter papers') });
    switch (by?.value) {
      case undefined: return undefined;
      case 'title': {
        const value = await this.prompts.input({ title: vscode.l10n.t('Filter papers by title'), prompt: vscode.l10n.t('Text the title contains'), value: this.current('title') });
        return value ? { by: 'title', value } : undefined;
      }
      case 'tag': return this.askTag();
      case 'kind': {
        const items: PickItem<CritiqueKind>[] = CRITIQUE_KINDS.map((kind) => ({ id: kind, label: kindGroupLabel(kind), value: kind }));
        const kind = await this.prompts.pick(items, { title: vscode.l10n.t('Filter papers by kind') });
        return kind ? { by: 'kind', value: kind.value } : undefined;
      }
    }
  }

  private async askTag(): Promise<PaperFilter | undefined> {
    await this.index.ensureScanned();
    const tags = [...new Set(this.index.all().flatMap((f) => f.index.papers.flatMap((p) => p.meta.tags ?? [])))].sort();
    if (tags.length === 0) {
      const value = await this.prompts.input({ title: vscode.l10n.t('Filter papers by tag'), prompt: vscode.l10n.t('No paper has tags yet; type one'), value: this.current('tag') });
      return value ? { by: 'tag', value } : undefined;
    }
    const tag = await this.prompts.pick(tags.map((t) => ({ id: t, label: t, value: t })), { title: vscode.l10n.t('Filter papers by tag') });
    return tag ? { by: 'tag', value: tag.value } : undefined;
  }

  private current(by: 'title' | 'tag'): string | undefined {
    const filter = this.filter.current;
    return filter?.by === by ? filter.value : undefined;
  }
}

export class ClearFilterCommand implements Command {
  readonly id = CommandIds.clearFilter;

  constructor(private readonly filter: PaperFilterState) {}

  execute(): void {
    this.filter.set(undefined);
  }
}

function isPaperFilter(value: unknown): value is PaperFilter {
  const v = value as { by?: unknown; value?: unknown } | undefined;
  if (typeof v?.value !== 'string') return false;
  return v.by === 'title' || v.by === 'tag' || (v.by === 'kind' && (CRITIQUE_KINDS as readonly string[]).includes(v.value));
}
