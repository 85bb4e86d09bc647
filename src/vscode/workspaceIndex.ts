// The workspace's summary files and their core indexes, kept up to date: open documents (unsaved
// text included, debounced), files created, changed, renamed and deleted on disk. Nothing is read
// before `ensureScanned()` is first called. A scan reads files ahead in batches and indexes them in
// time slices (yielding to the event loop every SLICE_MS), and publishes what it has indexed so far
// (first at once, then each time the count has doubled), so that the extension host stays
// responsive and the tree fills in as it goes without being refreshed more than a few times.
import * as vscode from 'vscode';
import { cpuMicros, cpuMsSince } from './cpuTime';
import { indexDocument, IndexMemo } from '../core/indexer';
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

/** Files read concurrently (I/O); they are then indexed one at a time. */
const READ_AHEAD = 100;
/** Longest stretch of indexing between two yields to the event loop. */
const SLICE_MS = 20;
/** Shortest time between two publications of a running scan's partial results. */
const PUBLISH_MS = 500;
const EDIT_DELAY_MS = 300;
/** Open documents whose sentence readings are kept between edits (the most recently indexed). */
const MEMO_DOCUMENTS = 16;
const LISTING_KEY = '\0listing';
const REMOVALS_KEY = '\0removals';

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const pathOrder = new Intl.Collator().compare;

/** One re-indexing of an open document with its memo. */
export interface EditIndexing {
  /** Counts the indexings of open documents. */
  readonly seq: number;
  readonly path: string;
  /** Wall time of the indexing, and the process's CPU time over it (Node hosts). */
  readonly ms: number;
  readonly cpuMs: number | undefined;
  /** Sentences read again (new or changed since the last indexing), and sentences reused. */
  readonly read: number;
  readonly reused: number;
  /** Units of prose (paragraphs, list items, quote lines) taken as they were, not split again. */
  readonly units: number;
}

/** How far the running scan is. */
export interface ScanProgress {
  readonly done: number;
  readonly total: number;
}

export class WorkspaceIndex extends Disposable {
  private readonly files = new Map<string, IndexedFile>();
  private readonly memos = new Map<string, IndexMemo>();
  /** `files` in path order, made again after any change. */
  private sorted: IndexedFile[] | undefined;
  private changes = 0;
  private progress: ScanProgress | undefined;
  private firstResults: Promise<void> = Promise.resolve();
  /** Files left out for their size, so that each is reported once. */
  private readonly tooBig = new Set<string>();
  /** Watcher deletions waiting to be handled. */
  private readonly removals: vscode.Uri[] = [];
  private scan: Promise<void> | undefined;
  private watched: { readonly include: string; readonly watcher: vscode.FileSystemWatcher } | undefined;
  private generation = 0;
  private reindexGeneration = 0;
  private readonly debouncer: KeyedDebouncer;
  private readonly changed = this._register(new vscode.EventEmitter<IndexChange>());
  /** Fires after the index changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly settings: SettingsWatcher, private readonly log: vscode.LogOutputChannel) {
    super();
    this.debouncer = this._register(new KeyedDebouncer(EDIT_DELAY_MS, (e) => this.log.error(String(e))));
    this._register(settings.onDidChange(({ previous, current }) => {
      if (!this.scan) return;
      if (sameFileSelection(previous, current)) this.debouncer.track(this.reindexAll());
      else void this.rescan();
    }));
  }

  get scanned(): boolean {
    return this.scan !== undefined;
  }

  /** Progress of the running scan; undefined when none runs. */
  get scanProgress(): ScanProgress | undefined {
    return this.progress;
  }

  /** Resolves once the running (or last) scan has published its first files, or has ended. */
  whenFirstResults(): Promise<void> {
    return this.firstResults;
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
    this.sorted ??= [...this.files.values()].sort((a, b) => pathOrder(a.uri.path, b.uri.path));
    return this.sorted.slice();
  }

  private setFile(key: string, file: IndexedFile): void {
    this.files.set(key, file);
    this.touched();
  }

  private deleteFile(key: string): void {
    if (this.files.delete(key)) this.touched();
  }

  private touched(): void {
    this.sorted = undefined;
    this.changes++;
  }

  /** Number of indexed files. */
  get size(): number {
    return this.files.size;
  }

  /** Changes whenever a file is added, replaced or dropped (events may come later, in batches). */
  get version(): number {
    return this.changes;
  }

  get(uri: vscode.Uri): IndexedFile | undefined {
    return this.files.get(uriKey(uri));
  }

  /** The index of `document`'s current text: the stored one when fresh, else computed now. */
  indexOf(document: vscode.TextDocument): DocumentIndex {
    const stored = this.files.get(uriKey(document.uri));
    const text = document.getText();
    if (stored && stored.text === text) return stored.index;
    return this.indexText(text, document.uri, this.memoOf(document.uri));
  }

  /** Indexes `text` of `uri` with the current settings (not stored). With a memo (an open
   *  document's), only the prose changed since the memo's last use is split and read again. */
  indexText(text: string, uri: vscode.Uri, memo?: IndexMemo): DocumentIndex {
    return indexDocument(text, { cues: this.settings.current.cues, fileName: baseName(uri), memo });
  }

  /** The memo of a document being edited; the least recently used one is dropped past MEMO_DOCUMENTS. */
  private memoOf(uri: vscode.Uri): IndexMemo {
    const key = uriKey(uri);
    const memo = this.memos.get(key) ?? new IndexMemo();
    this.memos.delete(key);
    this.memos.set(key, memo);
    if (this.memos.size > MEMO_DOCUMENTS) this.memos.delete(this.memos.keys().next().value!);
    return memo;
  }

  /** The last indexing of an open document's text: its time and how many sentences it read again
   *  or reused (for the scale test and the log). */
  lastEdit: EditIndexing | undefined;

  /** Watches the files `paperStudy.include` selects (again when that setting changes). */
  private watchIncluded(): void {
    const { include } = this.settings.current;
    if (this.watched?.include === include) return;
    this.watched?.watcher.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(include);
    watcher.onDidCreate(() => this.scheduleListing());
    watcher.onDidChange((uri) => this.onFileChanged(uri));
    watcher.onDidDelete((uri) => this.queueRemoval(uri));
    this.watched = { include, watcher };
  }

  private listen(): void {
    this._register({ dispose: () => this.watched?.watcher.dispose() });
    // Folders deleted outside VS Code: only the folder's own event arrives.
    const folders = this._register(vscode.workspace.createFileSystemWatcher('**/*', true, true, false));
    this._register(folders.onDidDelete((uri) => this.queueRemoval(uri)));
    this._register(vscode.workspace.onDidCreateFiles(() => this.scheduleListing()));
    this._register(vscode.workspace.onDidRenameFiles((e) => {
      this.removeUnder(e.files.map((f) => f.oldUri));
      this.scheduleListing();
    }));
    this._register(vscode.workspace.onDidDeleteFiles((e) => this.removeUnder(e.files)));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !this.files.has(uriKey(e.document.uri))) return;
      this.debouncer.schedule(uriKey(e.document.uri), () => this.refreshFile(e.document.uri));
    }));
    // Closing a document with unsaved edits discards them: go back to the file on disk.
    this._register(vscode.workspace.onDidCloseTextDocument((document) => {
      this.memos.delete(uriKey(document.uri));
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
    return uris.sort((a, b) => pathOrder(a.path, b.path));
  }

  /** Reads `uris` (READ_AHEAD at a time) and indexes them in time slices, handing each batch to
   *  `onBatch`; stops early (undefined) when a newer scan started. */
  private async readAll(
    uris: readonly vscode.Uri[], generation: number, onBatch?: (batch: ReadonlyMap<string, IndexedFile>, done: number) => void,
  ): Promise<Map<string, IndexedFile> | undefined> {
    const read = new Map<string, IndexedFile>();
    const tooBig: string[] = [];
    for (let i = 0; i < uris.length; i += READ_AHEAD) {
      const slice = uris.slice(i, i + READ_AHEAD);
      const texts = await Promise.all(slice.map((uri) => this.readText(uri)));
      if (generation !== this.generation || this.disposed) return undefined;
      const batch = new Map<string, IndexedFile>();
      let sliceStart = Date.now();
      for (let k = 0; k < slice.length; k++) {
        const text = texts[k];
        if (text === 'too-big') tooBig.push(vscode.workspace.asRelativePath(slice[k]));
        else if (text) batch.set(uriKey(slice[k]), this.indexed(slice[k], text));
        if (Date.now() - sliceStart >= SLICE_MS) {
          await yieldToEventLoop();
          if (generation !== this.generation || this.disposed) return undefined;
          sliceStart = Date.now();
        }
      }
      for (const [key, file] of batch) read.set(key, file);
      onBatch?.(batch, i + slice.length);
    }
    if (tooBig.length) {
      const kb = this.settings.current.maxFileSize / 1024;
      this.log.warn(vscode.l10n.t('Skipped {0} file(s) larger than {1} KB (paperStudy.maxFileSizeKB): {2}', tooBig.length, kb, tooBig.join(', ')));
    }
    return read;
  }

  /** Reads and indexes one file; logs unreadable ones. */
  private async readOne(uri: vscode.Uri): Promise<IndexedFile | 'too-big' | undefined> {
    const text = await this.readText(uri);
    return text === 'too-big' || !text ? text : this.indexed(uri, text);
  }

  /** Reads one file's text (no indexing); logs unreadable ones. */
  private async readText(uri: vscode.Uri): Promise<{ text: string; version: number | undefined } | 'too-big' | undefined> {
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
    return { text: result.text, version: result.version };
  }

  private indexed(uri: vscode.Uri, read: { text: string; version: number | undefined }): IndexedFile {
    // Text from an open document (it has a version) is being edited: keep its memo.
    const memo = read.version === undefined ? undefined : this.memoOf(uri);
    const started = performance.now();
    const startedCpu = memo && cpuMicros();
    const index = this.indexText(read.text, uri, memo);
    if (memo) {
      const ms = performance.now() - started;
      this.lastEdit = { seq: (this.lastEdit?.seq ?? 0) + 1, path: uri.path, ms, cpuMs: cpuMsSince(startedCpu), read: memo.misses, reused: memo.hits, units: memo.unitsReused };
    }
    return { uri, text: read.text, version: read.version, index };
  }

  private async runScan(): Promise<void> {
    const generation = ++this.generation;
    const started = Date.now();
    let resolveFirst!: () => void;
    this.firstResults = new Promise((resolve) => { resolveFirst = resolve; });
    try {
      this.watchIncluded();
      this.tooBig.clear();
      const uris = await this.listFiles(this.settings.current);
      if (generation !== this.generation) return;
      this.progress = { done: 0, total: uris.length };
      // Partial results join the index as they come (a rescan refreshes the files it has read),
      // so that the tree shows them before the scan ends; the last publication replaces everything.
      let publishedAt = 0;
      let publishedCount = 0;
      const read = await this.readAll(uris, generation, (batch, done) => {
        for (const [key, file] of batch) this.setFile(key, file);
        this.progress = { done, total: uris.length };
        if (done === uris.length || done < 2 * publishedCount || Date.now() - publishedAt < PUBLISH_MS) return;
        publishedAt = Date.now();
        publishedCount = done;
        this.changed.fire({ all: true, files: [] });
        resolveFirst();
      });
      if (!read) return;
      this.files.clear();
      for (const [key, file] of read) this.files.set(key, file);
      this.touched();
      this.log.info(vscode.l10n.t('Scanned {0} file(s) in {1} ms.', uris.length, Date.now() - started));
      this.changed.fire({ all: true, files: [] });
    } finally {
      if (generation === this.generation) this.progress = undefined;
      resolveFirst();
    }
  }

  /** Compares the listing with the index: reads new files, drops vanished ones. */
  private async reconcile(): Promise<void> {
    const generation = this.generation;
    const listed = await this.listFiles(this.settings.current);
    const listedKeys = new Set(listed.map(uriKey));
    const removed = [...this.files.values()].filter((f) => !listedKeys.has(uriKey(f.uri))).map((f) => f.uri);
    const read = await this.readAll(listed.filter((uri) => !this.files.has(uriKey(uri)) && !this.tooBig.has(uriKey(uri))), generation);
    if (!read) return;
    removed.forEach((uri) => this.deleteFile(uriKey(uri)));
    for (const [key, file] of read) this.setFile(key, file);
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
      this.deleteFile(key);
      this.changed.fire({ all: false, files: [{ uri, kind: 'removed' }] });
      return;
    }
    this.setFile(key, result);
    if (result.text !== before.text) this.changed.fire({ all: false, files: [{ uri, kind: 'changed' }] });
  }

  /** Deletions seen by the file watchers, one event per file: handled together, in one change. */
  private queueRemoval(uri: vscode.Uri): void {
    this.removals.push(uri);
    this.debouncer.schedule(REMOVALS_KEY, () => this.removeUnder(this.removals.splice(0)));
  }

  /** Drops the files that are one of `targets` or lie inside one (a deleted folder). */
  private removeUnder(targets: readonly vscode.Uri[]): void {
    const gone = new Map<string, vscode.Uri>();
    const folders: vscode.Uri[] = [];
    for (const target of targets) {
      const file = this.files.get(uriKey(target));
      if (file) gone.set(uriKey(file.uri), file.uri);
      else folders.push(target);
    }
    if (folders.length) {
      for (const [key, f] of this.files) if (folders.some((folder) => isEqualOrInside(f.uri, folder))) gone.set(key, f.uri);
    }
    gone.forEach((_uri, key) => this.deleteFile(key));
    if (gone.size) this.changed.fire({ all: false, files: [...gone.values()].map((uri) => ({ uri, kind: 'removed' as const })) });
  }

  /** Re-indexes the stored texts (the cue settings changed), in time slices like a scan. */
  private async reindexAll(): Promise<void> {
    const generation = ++this.reindexGeneration;
    let sliceStart = Date.now();
    for (const [key, file] of [...this.files]) {
      if (this.files.get(key) === file) this.setFile(key, { ...file, index: this.indexText(file.text, file.uri) });
      if (Date.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        if (generation !== this.reindexGeneration || this.disposed) return;
        sliceStart = Date.now();
      }
    }
    this.changed.fire({ all: true, files: [] });
  }
}
