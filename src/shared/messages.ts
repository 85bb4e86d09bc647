// The messages between the study panel's host (src/vscode/studyPanel) and its webview
// (src/webview), as typed unions, with checks that each side runs on what it receives: anything
// unknown or malformed is dropped.
import { CRITIQUE_KINDS, type CritiqueKind } from '../core/model';

/** What the panel shows: a paper of a file, or the whole file. */
export interface StudyTarget {
  /** The file's URI, as `Uri.toString()`. */
  readonly uri: string;
  /** The paper (its index in the file's papers, and its title to find it again after edits). */
  readonly paper?: { readonly index: number; readonly title: string };
}

export interface LegendEntry {
  readonly kind: CritiqueKind;
  readonly label: string;
  readonly count: number;
}

/** Texts of the page, localised by the host. */
export interface StudyStrings {
  readonly legend: string;
  /** Tooltip of a legend toggle; `{0}` is the kind's label. */
  readonly toggle: string;
  /** Tooltip and label of the button beside a highlighted sentence; `{0}` is the kind's label. */
  readonly addNote: string;
  /** Tooltip of a highlighted sentence. */
  readonly reveal: string;
  /** Each kind's label for one item ("Weakness"). */
  readonly kinds: Record<CritiqueKind, string>;
}

/** One rendering of the target. */
export interface StudyView {
  /** Increases with every rendering. */
  readonly serial: number;
  readonly target: StudyTarget;
  readonly title: string;
  /** Where the text comes from (the file, relative to the workspace). */
  readonly source: string;
  /** Rendered by the extension (markdown-it, raw HTML off); marks carry `data-sentence`. */
  readonly html: string;
  /** Source line of the rendered text's first line, minus one: add it to a `data-line`. */
  readonly lineOffset: number;
  readonly legend: readonly LegendEntry[];
  /** Shown instead of the text when the target cannot be shown (file gone, paper removed). */
  readonly problem?: string;
  readonly strings: StudyStrings;
}

/** What the webview remembers (`setState`), and what the panel is revived from after a reload. */
export interface PersistedState {
  readonly target: StudyTarget;
  readonly hiddenKinds: readonly CritiqueKind[];
  /** Source line at the top of the page. */
  readonly topLine?: number;
}

/** The data the page starts with, in its root element's `data-initial` attribute. */
export interface InitialData {
  readonly view: StudyView;
  /** Used when the webview has no state of its own yet (a panel revived by the host). */
  readonly persisted?: PersistedState;
}

/** What the webview shows, reported after every change (for tests and diagnostics). */
export interface RenderReport {
  readonly serial: number;
  readonly hiddenKinds: readonly CritiqueKind[];
  /** Highlighted sentences (distinct `data-sentence`) per kind, and how many show a highlight. */
  readonly marks: Record<CritiqueKind, number>;
  readonly visibleMarks: Record<CritiqueKind, number>;
  /** Note callouts per kind, and how many are displayed. */
  readonly callouts: Record<CritiqueKind, number>;
  readonly visibleCallouts: Record<CritiqueKind, number>;
  /** Counts shown in the legend. */
  readonly legend: Record<CritiqueKind, number>;
  /** The theme class of the page's body (`vscode-light`, `vscode-dark`, …). */
  readonly theme: string;
  readonly topLine?: number;
}

/** Actions the host asks the page to perform as if the user did them (used by tests). */
export type SimulatedAction =
  | { readonly action: 'toggleKind'; readonly kind: CritiqueKind }
  | { readonly action: 'clickSentence'; readonly sentence: number }
  | { readonly action: 'addNote'; readonly sentence: number }
  | { readonly action: 'clickLink'; readonly href: string }
  /** Double-clicks the block that starts at this document line. */
  | { readonly action: 'doubleClickLine'; readonly line: number }
  | { readonly action: 'scrollToLine'; readonly line: number };

export type HostMessage =
  | { readonly type: 'update'; readonly view: StudyView }
  | { readonly type: 'simulate'; readonly simulated: SimulatedAction };

export type WebviewMessage =
  | { readonly type: 'ready'; readonly serial: number }
  | { readonly type: 'rendered'; readonly report: RenderReport }
  | { readonly type: 'revealSentence'; readonly sentence: number }
  | { readonly type: 'revealLine'; readonly line: number }
  | { readonly type: 'addNote'; readonly sentence: number }
  | { readonly type: 'openLink'; readonly href: string };

// ------------------------------------------------------------------------------------ checks

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isString = (v: unknown): v is string => typeof v === 'string';

export function isCritiqueKind(v: unknown): v is CritiqueKind {
  return (CRITIQUE_KINDS as readonly unknown[]).includes(v);
}

function isKindList(v: unknown): v is CritiqueKind[] {
  return Array.isArray(v) && v.every(isCritiqueKind);
}

function isCounts(v: unknown): v is Record<CritiqueKind, number> {
  return isObject(v) && CRITIQUE_KINDS.every((k) => isInt(v[k]) && (v[k] as number) >= 0);
}

export function isStudyTarget(v: unknown): v is StudyTarget {
  if (!isObject(v) || !isString(v.uri)) return false;
  return v.paper === undefined || (isObject(v.paper) && isInt(v.paper.index) && v.paper.index >= 0 && isString(v.paper.title));
}

export function isPersistedState(v: unknown): v is PersistedState {
  return isObject(v) && isStudyTarget(v.target) && isKindList(v.hiddenKinds) && (v.topLine === undefined || isInt(v.topLine));
}

function isStrings(v: unknown): v is StudyStrings {
  return isObject(v) && ['legend', 'toggle', 'addNote', 'reveal'].every((k) => isString(v[k]))
    && isObject(v.kinds) && CRITIQUE_KINDS.every((k) => isString((v.kinds as Json)[k]));
}

function isLegend(v: unknown): v is LegendEntry[] {
  return Array.isArray(v) && v.every((e) => isObject(e) && isCritiqueKind(e.kind) && isString(e.label) && isInt(e.count));
}

export function isStudyView(v: unknown): v is StudyView {
  return isObject(v) && isInt(v.serial) && isStudyTarget(v.target) && isString(v.title) && isString(v.source)
    && isString(v.html) && isInt(v.lineOffset) && isLegend(v.legend) && (v.problem === undefined || isString(v.problem))
    && isStrings(v.strings);
}

function isRenderReport(v: unknown): v is RenderReport {
  return isObject(v) && isInt(v.serial) && isKindList(v.hiddenKinds) && isCounts(v.marks) && isCounts(v.visibleMarks)
    && isCounts(v.callouts) && isCounts(v.visibleCallouts) && isCounts(v.legend) && isString(v.theme)
    && (v.topLine === undefined || isInt(v.topLine));
}

function isSimulatedAction(v: unknown): v is SimulatedAction {
  if (!isObject(v)) return false;
  switch (v.action) {
    case 'toggleKind': return isCritiqueKind(v.kind);
    case 'clickSentence': case 'addNote': return isInt(v.sentence);
    case 'clickLink': return isString(v.href);
    case 'scrollToLine': case 'doubleClickLine': return isInt(v.line);
    default: return false;
  }
}

/** The message, when it is one the host understands; undefined otherwise. */
export function parseWebviewMessage(v: unknown): WebviewMessage | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'ready': return isInt(v.serial) ? { type: 'ready', serial: v.serial } : undefined;
    case 'rendered': return isRenderReport(v.report) ? { type: 'rendered', report: v.report } : undefined;
    case 'revealSentence': return isInt(v.sentence) ? { type: 'revealSentence', sentence: v.sentence } : undefined;
    case 'revealLine': return isInt(v.line) && v.line >= 1 ? { type: 'revealLine', line: v.line } : undefined;
    case 'addNote': return isInt(v.sentence) ? { type: 'addNote', sentence: v.sentence } : undefined;
    case 'openLink': return isString(v.href) && v.href.length <= 4096 ? { type: 'openLink', href: v.href } : undefined;
    default: return undefined;
  }
}

/** The message, when it is one the webview understands; undefined otherwise. */
export function parseHostMessage(v: unknown): HostMessage | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'update': return isStudyView(v.view) ? { type: 'update', view: v.view } : undefined;
    case 'simulate': return isSimulatedAction(v.simulated) ? { type: 'simulate', simulated: v.simulated } : undefined;
    default: return undefined;
  }
}

/** Parses the page's `data-initial` attribute. */
export function parseInitialData(text: string | undefined): InitialData | undefined {
  try {
    const v: unknown = JSON.parse(text ?? '');
    if (!isObject(v) || !isStudyView(v.view)) return undefined;
    return { view: v.view, persisted: isPersistedState(v.persisted) ? v.persisted : undefined };
  } catch {
    return undefined;
  }
}
