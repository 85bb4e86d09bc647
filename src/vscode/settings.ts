// Paper Study's settings, read once into an immutable snapshot and re-read when they change.
import * as vscode from 'vscode';
import { CRITIQUE_KINDS, type CritiqueKind, type IndexOptions } from '../core/model';
import { Disposable } from './disposable';
import { combineGlobs } from './globs';

export interface PaperStudySettings {
  /** Which files may hold summaries (`paperStudy.include`). */
  readonly include: string;
  /** `paperStudy.exclude` joined with the `files.exclude` patterns that are on, for `findFiles`. */
  readonly exclude: string | undefined;
  /** Files bigger than this many bytes are skipped (`paperStudy.maxFileSizeKB`). */
  readonly maxFileSize: number;
  /** Extra cue phrases for the prose classifier (`paperStudy.cues`). */
  readonly cues: NonNullable<IndexOptions['cues']>;
}

export const SETTINGS_SECTION = 'paperStudy';
const DEFAULT_INCLUDE = '**/*.{md,markdown}';
const DEFAULT_MAX_KB = 1024;

function enabledPatterns(map: Record<string, unknown> | undefined): string[] {
  return Object.entries(map ?? {}).filter(([, on]) => on === true).map(([pattern]) => pattern);
}

function readCues(value: unknown): PaperStudySettings['cues'] {
  const cues: Partial<Record<CritiqueKind, readonly string[]>> = {};
  if (!value || typeof value !== 'object') return cues;
  for (const kind of CRITIQUE_KINDS) {
    const list = (value as Record<string, unknown>)[kind];
    if (Array.isArray(list)) cues[kind] = list.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  }
  return cues;
}

export function readSettings(): PaperStudySettings {
  const own = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const filesExclude = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude');
  const maxKB = own.get<number>('maxFileSizeKB', DEFAULT_MAX_KB);
  return Object.freeze({
    include: own.get<string>('include', DEFAULT_INCLUDE).trim() || DEFAULT_INCLUDE,
    exclude: combineGlobs([own.get<string>('exclude', ''), ...enabledPatterns(filesExclude)]),
    maxFileSize: Math.max(1, Number.isFinite(maxKB) ? maxKB : DEFAULT_MAX_KB) * 1024,
    cues: Object.freeze(readCues(own.get('cues'))),
  });
}

/** True when `a` and `b` select the same files (a rescan is needed otherwise). */
export function sameFileSelection(a: PaperStudySettings, b: PaperStudySettings): boolean {
  return a.include === b.include && a.exclude === b.exclude && a.maxFileSize === b.maxFileSize;
}

/** Holds the current snapshot; fires with the new one when a relevant setting changes. */
export class SettingsWatcher extends Disposable {
  private snapshot = readSettings();
  private readonly changed = this._register(new vscode.EventEmitter<{ previous: PaperStudySettings; current: PaperStudySettings }>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS_SECTION) && !e.affectsConfiguration('files.exclude')) return;
      const previous = this.snapshot;
      this.snapshot = readSettings();
      this.changed.fire({ previous, current: this.snapshot });
    }));
  }

  get current(): PaperStudySettings {
    return this.snapshot;
  }
}
