// The workspace's summary files and their core indexes, kept up to date: open documents (unsaved
// text included, debounced), files created, changed, renamed and deleted on disk. Nothing is read
// before `ensureScanned()` is first called; the scan reads files in slices, yielding between them.
import * as vscode from 'vscode';
import { indexDocument } from '../core/indexer';
import type { DocumentIndex } from '../core/model';
import { Disposable } from './disposable';
import { KeyedDebouncer } from './debouncer';
import { readFileText } from './fileText';
import type { PaperStudySettings, SettingsWatcher } from './settings';
import { sameFileSelection } from './settings';
import { baseName, isEqualOrInside, uriKey } from './uriPaths';

export interface IndexedFile {
  readonly uri: vscode.Uri;
  /** The text that was indexed (the open document's, or the file's on disk). */
  readonly text: string;
  /** The document version the text came from; undefined when read from disk. */
  readonly version: number | undefined;
  readonly index: DocumentIndex;
}

export type FileChangeKind = 'added' | 'changed' | 'removed';

export interface IndexChange {
  /** True when the whole index was rebuilt: consumers refresh everything. */
  readonly all: boolean;
  readonly files: readonly { readonly uri: vscode.Uri; readonly kind: FileChangeKind }[];
}

const SCAN_SLICE = 25;
const EDIT_DELAY_MS = 300;
const LISTING_KEY = '\0listing';

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class WorkspaceIndex extends Disposable {
  private readonly files = new Map<string, IndexedFile>();
  /** Files left out for their size, so that each is reported once. */
  private readonly tooBig = new Set<string>();
  private scan: Promise<void> | undefined;
  private watched: { readonly include: string; readonly watcher: vscode.FileSystemWatcher } | undefined;
  private generation = 0;
  private readonly debouncer: KeyedDebouncer;
  private readonly changed = this._register(new vscode.EventEmitter<IndexChange>());
  /** Fires after the index changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly settings: SettingsWatcher, private readonly log: vscode.LogOutputChannel) {
    super();
    this.debouncer = this._register(new KeyedDebouncer(EDIT_DELAY_MS, (e) => this.log.error(String(e))));
    this._register(settings.onDidChange(({ previous, current }) => {
      if (!this.scan) return;
      if (sameFileSelection(previous, current)) this.reindexAll();
      else void this.rescan();
    }));
  }

  get scanned(): boolean {
    return this.scan !== undefined;
  }

  /** Starts the first scan (and the listeners) on first call; resolves when it is done. */
  ensureScanned(): Promise<void> {
    if (!this.scan) {
      this.listen();
      this.scan = this.runScan();
      this.debouncer.track(this.scan);
    }
    return this.scan;
  }

  /** Lists and reads everything again. */
  rescan(): Promise<void> {
    if (!this.scan) return this.ensureScanned();
    this.scan = this.runScan();
    this.debouncer.track(this.scan);
    return this.scan;
  }

  /** Resolves when no scan, read or debounced update is pending. */
  whenIdle(): Promise<void> {
    return this.debouncer.whenIdle();
  }

  /** Indexed files, with or without papers, in path order. */
  all(): IndexedFile[] {
    return [...this.files.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  get(uri: vscode.Uri): IndexedFile | undefined {
    return this.files.get(uriKey(uri));
  }

  /** The index of `document`'s current text: the stored one when fresh, else computed now. */
  indexOf(document: vscode.TextDocument): DocumentIndex {
    const stored = this.files.get(uriKey(document.uri));
    const text = document.getText();
    if (stored && stored.text === text) return stored.index;
    return this.indexText(text, document.uri);
  }

  /** Indexes `text` of `uri` with the current settings (not stored). */
  indexText(text: string, uri: vscode.Uri): DocumentIndex {
    return indexDocument(text, { cues: this.settings.current.cues, fileName: baseName(uri) });
  }

  /** Watches the files `paperStudy.include` selects (again when that setting changes). */
  private watchIncluded(): void {
    const { include } = this.settings.current;
    if (this.watched?.include === include) return;
    this.watched?.watcher.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(include);
    watcher.onDidCreate(() => this.scheduleListing());
    watcher.onDidChange((uri) => this.onFileChanged(uri));
    watcher.onDidDelete((uri) => this.removeUnder(uri));
    this.watched = { include, watcher };
  }

  private listen(): void {
    this._register({ dispose: () => this.watched?.watcher.dispose() });
    // Folders deleted outside VS Code: only the folder's own event arrives.
    const folders = this._register(vscode.workspace.createFileSystemWatcher('**/*', true, true, false));
    this._register(folders.onDidDelete((uri) => this.removeUnder(uri)));
    this._register(vscode.workspace.onDidCreateFiles(() => this.scheduleListing()));
    this._register(vscode.workspace.onDidRenameFiles((e) => {
      for (const { oldUri } of e.files) this.removeUnder(oldUri);
      this.scheduleListing();
    }));
    this._register(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.removeUnder(uri))));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !this.files.has(uriKey(e.document.uri))) return;
      this.debouncer.schedule(uriKey(e.document.uri), () => this.refreshFile(e.document.uri));
    }));
    // Closing a document with unsaved edits discards them: go back to the file on disk.
    this._register(vscode.workspace.onDidCloseTextDocument((document) => {
      if (this.files.has(uriKey(document.uri))) this.debouncer.schedule(uriKey(document.uri), () => this.refreshFile(document.uri));
    }));
  }

  private onFileChanged(uri: vscode.Uri): void {
    const key = uriKey(uri);
    if (this.files.has(key)) this.debouncer.schedule(key, () => this.refreshFile(uri));
    else if (this.tooBig.delete(key)) this.scheduleListing(); // it may fit now
  }

  private scheduleListing(): void {
    if (!this.scan) return;
    this.debouncer.schedule(LISTING_KEY, () => this.reconcile());
  }

  private async listFiles(settings: PaperStudySettings): Promise<vscode.Uri[]> {
    if (!vscode.workspace.workspaceFolders?.length) return [];
    const uris = await vscode.workspace.findFiles(settings.include, settings.exclude);
    return uris.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Reads `uris` in slices, yielding between them; stops early when a newer scan started. */
  private async readAll(uris: readonly vscode.Uri[], generation: number): Promise<Map<string, IndexedFile> | undefined> {
    const read = new Map<string, IndexedFile>();
    const tooBig: string[] = [];
    for (let i = 0; i < uris.length; i += SCAN_SLICE) {
      const slice = uris.slice(i, i + SCAN_SLICE);
      const results = await Promise.all(slice.map((uri) => this.readOne(uri)));
      if (generation !== this.generation || this.disposed) return undefined;
      results.forEach((result, k) => {
        if (result === 'too-big') tooBig.push(vscode.workspace.asRelativePath(slice[k]));
        else if (result) read.set(uriKey(slice[k]), result);
      });
      await yieldToEventLoop();
    }
    if (tooBig.length) {
      const kb = this.settings.current.maxFileSize / 1024;
      this.log.warn(vscode.l10n.t('Skipped {0} file(s) larger than {1} KB (paperStudy.maxFileSizeKB): {2}', tooBig.length, kb, tooBig.join(', ')));
    }
    return read;
  }

  /** Reads and indexes one file; logs unreadable ones. */
  private async readOne(uri: vscode.Uri): Promise<IndexedFile | 'too-big' | undefined> {
    const key = uriKey(uri);
    const result = await readFileText(uri, this.settings.current.maxFileSize);
    if (result.kind === 'too-big') {
      this.tooBig.add(key);
      return 'too-big';
    }
    this.tooBig.delete(key);
    if (result.kind === 'unreadable') {
      this.log.error(vscode.l10n.t('Cannot read {0}: {1}', uri.toString(true), result.reason));
      return undefined;
    }
    return { uri, text: result.text, version: result.version, index: this.indexText(result.text, uri) };
  }

  private async runScan(): Promise<void> {
    const generation = ++this.generation;
    const started = Date.now();
    this.watchIncluded();
    this.tooBig.clear();
    const uris = await this.listFiles(this.settings.current);
    const read = await this.readAll(uris, generation);
    if (!read) return;
    this.files.clear();
    for (const [key, file] of read) this.files.set(key, file);
    this.log.info(vscode.l10n.t('Scanned {0} file(s) in {1} ms.', uris.length, Date.now() - started));
    this.changed.fire({ all: true, files: [] });
  }

  /** Compares the listing with the index: reads new files, drops vanished ones. */
  private async reconcile(): Promise<void> {
    const generation = this.generation;
    const listed = await this.listFiles(this.settings.current);
    const listedKeys = new Set(listed.map(uriKey));
    const removed = [...this.files.values()].filter((f) => !listedKeys.has(uriKey(f.uri))).map((f) => f.uri);
    const read = await this.readAll(listed.filter((uri) => !this.files.has(uriKey(uri)) && !this.tooBig.has(uriKey(uri))), generation);
    if (!read) return;
    removed.forEach((uri) => this.files.delete(uriKey(uri)));
    for (const [key, file] of read) this.files.set(key, file);
    const files = [
      ...removed.map((uri) => ({ uri, kind: 'removed' as const })),
      ...[...read.values()].map((f) => ({ uri: f.uri, kind: 'added' as const })),
    ];
    if (files.length) this.changed.fire({ all: false, files });
  }

  /** Re-reads one known file (document text or disk); fires only when its text changed. */
  private async refreshFile(uri: vscode.Uri): Promise<void> {
    const key = uriKey(uri);
    const before = this.files.get(key);
    if (!before) return;
    const result = await this.readOne(uri);
    if (!this.files.has(key)) return; // removed meanwhile
    if (!result || result === 'too-big') {
      this.files.delete(key);
      this.changed.fire({ all: false, files: [{ uri, kind: 'removed' }] });
      return;
    }
    this.files.set(key, result);
    if (result.text !== before.text) this.changed.fire({ all: false, files: [{ uri, kind: 'changed' }] });
  }

  private removeUnder(target: vscode.Uri): void {
    const gone = [...this.files.values()].filter((f) => isEqualOrInside(f.uri, target)).map((f) => f.uri);
    gone.forEach((uri) => this.files.delete(uriKey(uri)));
    if (gone.length) this.changed.fire({ all: false, files: gone.map((uri) => ({ uri, kind: 'removed' })) });
  }

  /** Re-indexes the stored texts (the cue settings changed). */
  private reindexAll(): void {
    for (const [key, file] of this.files) this.files.set(key, { ...file, index: this.indexText(file.text, file.uri) });
    this.changed.fire({ all: true, files: [] });
  }
}
