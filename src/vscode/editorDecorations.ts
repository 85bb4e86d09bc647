// Critique highlights in Markdown editors: each critique sentence (and each note's head line) is
// underlined in its kind's theme colour, with a mark in the overview ruler. Follows edits
// (debounced), the visible editors and the settings; off with `paperStudy.decorations.enabled`
// or above `paperStudy.decorations.maxFileSizeKB`.
import * as vscode from 'vscode';
import { isHighlighted } from '../core/markdownPlugin';
import { CRITIQUE_KINDS, type CritiqueKind, type DocumentIndex } from '../core/model';
import { KeyedDebouncer } from './debouncer';
import { Disposable } from './disposable';
import { SETTINGS_SECTION, type SettingsWatcher } from './settings';
import { uriKey } from './uriPaths';
import type { WorkspaceIndex } from './workspaceIndex';

export const DECORATIONS_ENABLED = 'decorations.enabled';
export const DECORATIONS_MAX_KB = 'decorations.maxFileSizeKB';

export interface DecorationSettings {
  readonly enabled: boolean;
  /** Documents longer than this many characters get no highlights. */
  readonly maxFileSize: number;
}

const DEFAULT_MAX_KB = 512;
const EDIT_DELAY_MS = 200;

export function readDecorationSettings(): DecorationSettings {
  const own = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const kb = own.get<number>(DECORATIONS_MAX_KB, DEFAULT_MAX_KB);
  return Object.freeze({
    enabled: own.get<boolean>(DECORATIONS_ENABLED, true) !== false,
    maxFileSize: Math.max(1, Number.isFinite(kb) ? kb : DEFAULT_MAX_KB) * 1024,
  });
}

export type CritiqueRanges = Record<CritiqueKind, vscode.Range[]>;

function emptyRanges(): CritiqueRanges {
  return { strength: [], weakness: [], question: [], idea: [], note: [] };
}

/** The ranges to highlight in `document`: critique sentences outside notes, and note head lines. */
export function critiqueRanges(document: vscode.TextDocument, index: DocumentIndex): CritiqueRanges {
  const ranges = emptyRanges();
  for (const s of index.sentences) {
    if (isHighlighted(s) && s.kind !== 'neutral') ranges[s.kind].push(new vscode.Range(document.positionAt(s.start), document.positionAt(s.end)));
  }
  for (const n of index.notes) {
    const line = document.lineAt(Math.min(n.line - 1, document.lineCount - 1));
    ranges[n.kind].push(new vscode.Range(line.range.start.translate(0, line.firstNonWhitespaceCharacterIndex), line.range.end));
  }
  return ranges;
}

function decorationType(kind: CritiqueKind): vscode.TextEditorDecorationType {
  const color = new vscode.ThemeColor(`paperStudy.${kind}Foreground`);
  return vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none solid none',
    borderWidth: '0 0 1px 0',
    borderColor: color,
    overviewRulerColor: color,
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

export class CritiqueDecorations extends Disposable {
  private settings = readDecorationSettings();
  private readonly types: Record<CritiqueKind, vscode.TextEditorDecorationType>;
  /** What each editor shows (for the test seam). */
  private readonly applied = new WeakMap<vscode.TextEditor, CritiqueRanges>();
  private readonly debouncer: KeyedDebouncer;

  constructor(private readonly index: WorkspaceIndex, settings: SettingsWatcher, log: vscode.LogOutputChannel) {
    super();
    this.types = Object.fromEntries(CRITIQUE_KINDS.map((k) => [k, this._register(decorationType(k))])) as Record<CritiqueKind, vscode.TextEditorDecorationType>;
    this.debouncer = this._register(new KeyedDebouncer(EDIT_DELAY_MS, (e) => log.error(`Decorations: ${String(e)}`)));
    this._register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.update(e))));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || e.document.languageId !== 'markdown') return;
      const key = uriKey(e.document.uri);
      this.debouncer.schedule(key, () => this.updateDocument(key));
    }));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.updateDocument(uriKey(d.uri)))); // language changed
    this._register(settings.onDidChange(() => {
      this.settings = readDecorationSettings();
      this.updateAll();
    }));
    // Not during activation (which must stay quick): the editors shown at start-up are highlighted
    // once activation has returned.
    this.debouncer.schedule('\0start-up', () => this.updateAll());
  }

  /** Resolves when no debounced update is waiting. */
  whenIdle(): Promise<void> {
    return this.debouncer.whenIdle();
  }

  /** The ranges `editor` shows, by kind (empty when highlights are off for it). */
  rangesIn(editor: vscode.TextEditor): CritiqueRanges {
    return this.applied.get(editor) ?? emptyRanges();
  }

  private updateAll(): void {
    vscode.window.visibleTextEditors.forEach((e) => this.update(e));
  }

  private updateDocument(key: string): void {
    vscode.window.visibleTextEditors.filter((e) => uriKey(e.document.uri) === key).forEach((e) => this.update(e));
  }

  private update(editor: vscode.TextEditor): void {
    const { document } = editor;
    const wanted = this.settings.enabled && document.languageId === 'markdown' && document.getText().length <= this.settings.maxFileSize;
    if (!wanted && !this.applied.has(editor)) return;
    const ranges = wanted ? critiqueRanges(document, this.index.indexOf(document)) : emptyRanges();
    for (const kind of CRITIQUE_KINDS) editor.setDecorations(this.types[kind], ranges[kind]);
    if (wanted) this.applied.set(editor, ranges);
    else this.applied.delete(editor);
  }
}
