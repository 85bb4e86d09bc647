// Commands for the integration tests (hidden from the command palette): a JSON snapshot of the
// papers tree, scripted answers for every prompt, the tree's refresh events, and the scan's state
// with the activation time.
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { cpuMicros, cpuMsSince } from '../cpuTime';
import { Disposable } from '../disposable';
import type { PapersNode } from '../papersNodes';
import type { PapersTreeProvider } from '../papersTreeProvider';
import type { LiveEditHooks } from '../liveEdit';
import type { PapersView } from '../papersView';
import { ScriptedPrompts, type AskedPrompt, type PromptSeam, type ScriptedAnswers } from '../prompts';
import type { EditIndexing, WorkspaceIndex } from '../workspaceIndex';
import type { Command } from './command';

export interface TreeSnapshotNode {
  readonly id?: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly contextValue?: string;
  readonly command?: { readonly command: string; readonly arguments?: unknown[] };
  readonly children: TreeSnapshotNode[];
}

export interface TreeSnapshot {
  readonly description?: string;
  readonly message?: string;
  readonly roots: TreeSnapshotNode[];
}

function labelText(label: string | vscode.TreeItemLabel | undefined, uri: vscode.Uri | undefined): string {
  if (typeof label === 'string') return label;
  return label?.label ?? (uri ? vscode.workspace.asRelativePath(uri) : '');
}

/** The tooltip as read: Markdown escapes (`\\(`, `&nbsp;`) undone. */
function tooltipText(tooltip: string | vscode.MarkdownString | undefined): string | undefined {
  if (typeof tooltip === 'string' || tooltip === undefined) return tooltip;
  return tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\([^A-Za-z0-9\s])/g, '$1');
}

export class TreeSnapshotCommand implements Command {
  readonly id = CommandIds.testGetTreeSnapshot;

  constructor(private readonly index: WorkspaceIndex, private readonly view: PapersView) {}

  /** Waits for pending scans and updates, then returns the whole tree, expanded. */
  async execute(): Promise<TreeSnapshot> {
    await this.index.ensureScanned();
    await this.index.whenIdle();
    const roots = await this.snapshot(undefined, this.view.provider);
    return { description: this.view.treeView.description, message: this.view.treeView.message, roots };
  }

  private async snapshot(node: PapersNode | undefined, provider: PapersTreeProvider): Promise<TreeSnapshotNode[]> {
    const children = await provider.getChildren(node);
    return Promise.all(children.map(async (child) => {
      const item = provider.getTreeItem(child);
      const description = typeof item.description === 'string' ? item.description : undefined;
      return {
        id: item.id, label: labelText(item.label, item.resourceUri), description, tooltip: tooltipText(item.tooltip), contextValue: item.contextValue,
        command: item.command && { command: item.command.command, arguments: item.command.arguments },
        children: await this.snapshot(child, provider),
      };
    }));
  }
}

export class SetPromptsCommand implements Command {
  readonly id = CommandIds.testSetPrompts;
  private scripted: ScriptedPrompts | undefined;

  constructor(private readonly prompts: PromptSeam) {}

  /** Installs scripted answers (or, with no argument, the real prompts again); returns what the
   *  previously scripted prompts were asked. */
  execute(answers?: unknown): AskedPrompt[] {
    const asked = this.scripted?.asked ?? [];
    this.scripted = answers ? new ScriptedPrompts(answers as ScriptedAnswers) : undefined;
    this.prompts.use(this.scripted);
    return asked;
  }
}

/** Records the tree's change events: 'all' for a full refresh, else the refreshed nodes' ids. */
export class TreeEventsCommand extends Disposable implements Command {
  readonly id = CommandIds.testGetTreeEvents;
  private events: (string | string[])[] = [];

  constructor(view: PapersView) {
    super();
    this._register(view.provider.onDidChangeTreeData((e) => {
      const nodes = e === undefined ? undefined : Array.isArray(e) ? e : [e];
      this.events.push(nodes ? nodes.map((n) => view.provider.getTreeItem(n).id ?? '?') : 'all');
      if (this.events.length > 100) this.events.shift();
    }));
  }

  /** Returns the events since the last call and forgets them. */
  execute(): (string | string[])[] {
    const events = this.events;
    this.events = [];
    return events;
  }
}

/** Id of the scan-state seam (registered, not contributed: tests call it by id). */
export const SCAN_STATE_COMMAND = 'paperStudy._test.getScanState';

/** How long `activate()` took, recorded by the entry point. */
export class ActivationTime {
  private readonly started = performance.now();
  private readonly startedCpu = cpuMicros();
  private last = this.started;
  private readonly parts: string[] = [];
  ms: number | undefined;
  /** CPU time of the extension host's process over the same span, where the host can tell (Node):
   *  unlike wall time, it does not grow when other processes keep the machine busy. */
  cpuMs: number | undefined;

  /** Records the time since the previous mark under `label` (for the log line). */
  mark(label: string): void {
    const now = performance.now();
    this.parts.push(`${label} ${(now - this.last).toFixed(1)}`);
    this.last = now;
  }

  /** The marks so far: "label ms, label ms". */
  get breakdown(): string {
    return this.parts.join(', ');
  }

  /** Records the time since construction; returns it in milliseconds. */
  stop(): number {
    this.ms = Math.round((performance.now() - this.started) * 10) / 10;
    this.cpuMs = cpuMsSince(this.startedCpu);
    return this.ms;
  }
}


export interface ScanState {
  readonly activationMs: number | undefined;
  readonly activationCpuMs: number | undefined;
  /** A scan runs; `done` of `total` listed files are indexed. */
  readonly scanning: boolean;
  readonly done: number;
  readonly total: number;
  /** Files in the index now. */
  readonly files: number;
  /** The last re-indexing of an open document after an edit. */
  readonly lastEdit: EditIndexing | undefined;
  /** Files on the tree's first level, as the view lists them (once the scan has published its
   *  first files); -1 when not asked for. */
  readonly roots: number;
}

/** The scan's state: with `{ idle: true }` once nothing is pending; with `{ roots: false }` at
 *  once, without listing the tree's first level. */
export class ScanStateCommand implements Command {
  readonly id = SCAN_STATE_COMMAND;

  constructor(private readonly index: WorkspaceIndex, private readonly view: PapersView, private readonly activation: ActivationTime) {}

  async execute(options?: unknown): Promise<ScanState> {
    const { idle = false, roots: listRoots = true } = (options ?? {}) as { idle?: boolean; roots?: boolean };
    if (idle) await this.index.whenIdle();
    const roots = listRoots ? (await this.view.provider.getChildren()).length : -1;
    const progress = this.index.scanProgress;
    return {
      activationMs: this.activation.ms, activationCpuMs: this.activation.cpuMs, scanning: progress !== undefined, done: progress?.done ?? 0, total: progress?.total ?? 0,
      files: this.index.size, roots, lastEdit: this.index.lastEdit,
    };
  }
}

/** An edit a test makes land while a live edit is in flight: `text` replaces `deleteLength`
 *  characters (none by default) at `offset` of the text of that moment. */
export interface InterleavedEdit {
  readonly offset: number;
  readonly text: string;
  readonly deleteLength?: number;
}

/** Lands scripted edits after a live edit is planned and before it is applied, one per attempt, as
 *  a user typing at that moment would. */
export class LiveEditSeam implements LiveEditHooks {
  private queue: InterleavedEdit[] = [];
  private landed = 0;

  /** Scripts the next interleaved edits; returns how many of the previous script landed. */
  script(edits: readonly InterleavedEdit[]): number {
    const landed = this.landed;
    this.queue = [...edits];
    this.landed = 0;
    return landed;
  }

  async beforeApply(document: vscode.TextDocument): Promise<void> {
    const next = this.queue.shift();
    if (!next) return;
    const edit = new vscode.WorkspaceEdit();
    const range = new vscode.Range(document.positionAt(next.offset), document.positionAt(next.offset + (next.deleteLength ?? 0)));
    edit.replace(document.uri, range, next.text);
    if (await vscode.workspace.applyEdit(edit)) this.landed++;
  }
}

export class InterleaveEditsCommand implements Command {
  readonly id = CommandIds.testInterleaveEdits;

  constructor(private readonly seam: LiveEditSeam) {}

  /** Scripts edits for the next live edits (none clears them); returns how many of the last landed. */
  execute(edits?: unknown): number {
    const valid = Array.isArray(edits)
      ? edits.filter((e): e is InterleavedEdit => typeof e?.offset === 'number' && typeof e?.text === 'string')
      : [];
    return this.seam.script(valid);
  }
}
