// The study panel: one webview panel that shows a paper (or a whole file) rendered with its critique
// highlights and notes. It follows edits (debounced updates posted to the page, no reload), maps
// the page's clicks back to the editor, and is revived after a window reload by its serializer.
import * as vscode from 'vscode';
import { isHighlighted } from '../../core/markdownPlugin';
import type { ClassifiedSentence, CritiqueKind } from '../../core/model';
import {
  parseWebviewMessage, type HostMessage, type PersistedState, type RenderReport, type SimulatedAction,
  type StudyTarget, type WebviewMessage,
} from '../../shared/messages';
import { insertNoteCommandId, STUDY_PANEL_VIEW_TYPE } from '../commandIds';
import { KeyedDebouncer } from '../debouncer';
import { Disposable } from '../disposable';
import type { SettingsWatcher } from '../settings';
import { baseName, uriKey } from '../uriPaths';
import type { WorkspaceIndex } from '../workspaceIndex';
import { revealInEditor } from './editorReveal';
import { decideLink, openDecidedLink, type LinkDecision } from './linkOpener';
import { studyPanelHtml, studyWebviewOptions } from './studyPanelHtml';
import { buildStudy, problemView, type RenderedStudy } from './studyView';

export interface StudyPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly index: WorkspaceIndex;
  readonly settings: SettingsWatcher;
  readonly log: vscode.LogOutputChannel;
}

/** What the test seam reads. */
export interface StudyPanelSnapshot {
  readonly target: StudyTarget;
  readonly panelTitle: string;
  readonly visible: boolean;
  readonly viewColumn: number | undefined;
  readonly rendered?: RenderedStudy['view'];
  readonly report?: RenderReport;
  readonly lastLink?: { readonly href: string; readonly decision: LinkDecision };
  /** How many times the page (re)loaded: it says `ready` once per load. */
  readonly pageLoads: number;
  /** The page as set, and the webview's options. */
  readonly page: { readonly html: string; readonly enableScripts: boolean; readonly enableCommandUris: boolean | readonly string[]; readonly localResourceRoots: readonly string[] };
}

const UPDATE_DELAY_MS = 250;
const RENDER_KEY = 'render';

export class StudyPanel extends Disposable {
  private static current: StudyPanel | undefined;

  /** The open panel, if any. */
  static get currentPanel(): StudyPanel | undefined {
    return StudyPanel.current;
  }

  /** Shows `target` in the panel, creating it beside the active editor when there is none. */
  static createOrShow(deps: StudyPanelDeps, target: StudyTarget): StudyPanel {
    const existing = StudyPanel.current;
    if (existing) {
      existing.show(target);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      STUDY_PANEL_VIEW_TYPE, vscode.l10n.t('Study'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, studyWebviewOptions(deps.extensionUri),
    );
    return new StudyPanel(panel, deps, target, undefined);
  }

  /** Restores a panel after a window reload from the state its page saved. */
  static revive(deps: StudyPanelDeps, panel: vscode.WebviewPanel, state: PersistedState): StudyPanel {
    StudyPanel.current?.dispose();
    panel.webview.options = studyWebviewOptions(deps.extensionUri);
    return new StudyPanel(panel, deps, state.target, state);
  }

  private target: StudyTarget;
  private rendered: RenderedStudy | undefined;
  private report: RenderReport | undefined;
  private lastLink: StudyPanelSnapshot['lastLink'];
  private serial = 0;
  private pageLoaded = false;
  private pageLoads = 0;
  private readonly debouncer: KeyedDebouncer;
  private readonly reported = this._register(new vscode.EventEmitter<RenderReport>());
  /** Fires when the page reports what it shows. */
  readonly onDidReport = this.reported.event;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: StudyPanelDeps,
    target: StudyTarget,
    private readonly persisted: PersistedState | undefined,
  ) {
    super();
    StudyPanel.current = this;
    this.target = target;
    this.debouncer = this._register(new KeyedDebouncer(UPDATE_DELAY_MS, (e) => deps.log.error(`Study panel: ${String(e)}`)));
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'paper-study.svg');
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && uriKey(e.document.uri) === this.target.uri) this.scheduleUpdate();
    }));
    this._register(deps.index.onDidChange((change) => {
      if (change.all || change.files.some((f) => uriKey(f.uri) === this.target.uri)) this.scheduleUpdate();
    }));
    this._register(deps.settings.onDidChange(() => this.scheduleUpdate()));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('markdown.preview')) this.scheduleUpdate();
    }));
    this.debouncer.track(this.update());
  }

  override dispose(): void {
    if (StudyPanel.current === this) StudyPanel.current = undefined;
    super.dispose();
    this.panel.dispose();
  }

  /** True when this object runs `panel`. */
  runs(panel: vscode.WebviewPanel): boolean {
    return this.panel === panel;
  }

  /** Shows another target (or the same one again) and brings the panel forward. */
  show(target: StudyTarget): void {
    this.panel.reveal(undefined, true);
    if (target.uri === this.target.uri && target.paper?.index === this.target.paper?.index && target.paper?.title === this.target.paper?.title) return;
    this.target = target;
    this.debouncer.track(this.update());
  }

  /** Resolves when no update is waiting or running. */
  whenIdle(): Promise<void> {
    return this.debouncer.whenIdle();
  }

  snapshot(): StudyPanelSnapshot {
    const options = this.panel.webview.options;
    return {
      target: this.target, panelTitle: this.panel.title, visible: this.panel.visible, viewColumn: this.panel.viewColumn,
      rendered: this.rendered?.view, report: this.report, lastLink: this.lastLink, pageLoads: this.pageLoads,
      page: {
        html: this.panel.webview.html,
        enableScripts: options.enableScripts ?? false,
        enableCommandUris: options.enableCommandUris ?? false,
        localResourceRoots: (options.localResourceRoots ?? []).map((u) => u.toString()),
      },
    };
  }

  /** Asks the page to act as if the user did (tests). */
  simulate(simulated: SimulatedAction): Thenable<boolean> {
    return this.post({ type: 'simulate', simulated });
  }

  private scheduleUpdate(): void {
    this.debouncer.schedule(RENDER_KEY, () => this.update());
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  /** Renders the target again; the first time it sets the page, later it posts the new view. */
  private async update(): Promise<void> {
    const target = this.target;
    const rendered = await this.render(target);
    if (this.disposed || target !== this.target) return;
    const previous = this.rendered;
    const unchanged = previous !== undefined && sameView(previous, rendered);
    // An unchanged view keeps its serial: the page already shows it.
    this.rendered = unchanged ? { ...rendered, view: previous.view } : rendered;
    this.target = rendered.view.target;
    this.panel.title = vscode.l10n.t('Study: {0}', rendered.view.title);
    if (!this.pageLoaded) {
      this.pageLoaded = true;
      this.panel.webview.html = studyPanelHtml(this.panel.webview, this.deps.extensionUri, { view: rendered.view, persisted: this.persisted });
    } else if (!unchanged) {
      await this.post({ type: 'update', view: rendered.view });
    }
  }

  private async render(target: StudyTarget): Promise<RenderedStudy> {
    const uri = vscode.Uri.parse(target.uri);
    const serial = ++this.serial;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      const source = vscode.workspace.asRelativePath(uri);
      const problem = vscode.l10n.t('Cannot read {0}: {1}', source, error instanceof Error ? error.message : String(error));
      const view = problemView(serial, target, target.paper?.title ?? baseName(uri), source, problem);
      return { uri, text: '', index: { papers: [], sentences: [], notes: [], eol: '\n', bom: false, lineCount: 0 }, view };
    }
    const text = document.getText();
    return buildStudy(serial, target, uri, text, this.deps.index.indexOf(document));
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.deps.log.trace('Study panel: ignored a malformed message');
      return;
    }
    void this.handle(message).catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`Study panel: ${text}`);
      void vscode.window.showErrorMessage(text);
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.pageLoads++;
        if (this.rendered && message.serial !== this.rendered.view.serial) await this.post({ type: 'update', view: this.rendered.view });
        return;
      case 'rendered':
        this.report = message.report;
        this.reported.fire(message.report);
        return;
      case 'revealSentence': {
        const found = await this.sentence(message.sentence);
        if (found) await revealInEditor(found.document, found.start, found.end, this.panel.viewColumn);
        return;
      }
      case 'revealLine': {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.target.uri));
        const line = Math.min(message.line, document.lineCount) - 1;
        const range = document.lineAt(line).range;
        await revealInEditor(document, document.offsetAt(range.start), document.offsetAt(range.end), this.panel.viewColumn);
        return;
      }
      case 'addNote': {
        const found = await this.sentence(message.sentence);
        if (!found) return;
        await revealInEditor(found.document, found.start, found.end, this.panel.viewColumn);
        const quote = found.document.getText().slice(found.start, found.end);
        await vscode.commands.executeCommand(insertNoteCommandId(found.kind), { uri: this.target.uri, offset: found.end, quote });
        return;
      }
      case 'openLink': {
        const decision = decideLink(message.href, vscode.Uri.parse(this.target.uri));
        this.lastLink = { href: message.href, decision };
        const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
        await openDecidedLink(decision, column, this.deps.log);
        return;
      }
    }
  }

  /** Where sentence `id` of the last rendering is now: the same offsets while the text is
   *  unchanged, else the same sentence (text and kind) nearest to where it was. */
  private async sentence(id: number): Promise<{ document: vscode.TextDocument; start: number; end: number; kind: CritiqueKind } | undefined> {
    const rendered = this.rendered;
    const was: ClassifiedSentence | undefined = rendered?.index.sentences[id];
    if (!rendered || !was || !isHighlighted(was) || was.kind === 'neutral') return undefined;
    const document = await vscode.workspace.openTextDocument(rendered.uri);
    if (document.getText() === rendered.text) return { document, start: was.start, end: was.end, kind: was.kind };
    const now = this.deps.index.indexOf(document).sentences
      .filter((s) => s.text === was.text && s.kind === was.kind)
      .sort((a, b) => Math.abs(a.start - was.start) - Math.abs(b.start - was.start))[0];
    return now && { document, start: now.start, end: now.end, kind: was.kind };
  }
}

function sameView(a: RenderedStudy, b: RenderedStudy): boolean {
  const x = a.view, y = b.view;
  return x.html === y.html && x.title === y.title && x.problem === y.problem && x.lineOffset === y.lineOffset
    && JSON.stringify(x.legend) === JSON.stringify(y.legend) && JSON.stringify(x.target) === JSON.stringify(y.target);
}
