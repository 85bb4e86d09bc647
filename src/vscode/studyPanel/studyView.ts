// Builds what the study panel shows for a target: the paper (found again by title after edits) or
// the whole file, rendered, with the legend's counts and the page's localised texts.
import * as vscode from 'vscode';
import { countsOf } from '../../core/indexer';
import type { MarkdownOptions } from '../../core/markdown';
import { CRITIQUE_KINDS, emptyCounts, type CritiqueCounts, type DocumentIndex } from '../../core/model';
import type { StudyStrings, StudyTarget, StudyView } from '../../shared/messages';
import { kindGroupLabel, kindLabel } from '../critiqueStyle';
import { baseName } from '../uriPaths';
import { paperSlice, wholeDocument, type RenderSlice } from './paperSlice';
import { renderSlice } from './studyRenderer';

/** A rendering and the text it was made from (to map the page's sentences back to the editor). */
export interface RenderedStudy {
  readonly view: StudyView;
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly index: DocumentIndex;
}

/** The paper the target names in `index`: same place and title, else same title, else same place. */
export function findTargetPaper(index: DocumentIndex, paper: NonNullable<StudyTarget['paper']>): number | undefined {
  if (index.papers[paper.index]?.title === paper.title) return paper.index;
  const byTitle = index.papers.findIndex((p) => p.title === paper.title);
  if (byTitle >= 0) return byTitle;
  return paper.index < index.papers.length ? paper.index : undefined;
}

function fileCounts(index: DocumentIndex): CritiqueCounts {
  const counts = emptyCounts();
  index.papers.forEach((_p, i) => {
    const c = countsOf(index, i);
    for (const k of CRITIQUE_KINDS) counts[k] += c[k];
  });
  for (const n of index.notes) if (n.paper < 0) counts[n.kind]++;
  return counts;
}

export function studyStrings(): StudyStrings {
  const kinds = Object.fromEntries(CRITIQUE_KINDS.map((k) => [k, kindLabel(k)])) as StudyStrings['kinds'];
  return {
    legend: vscode.l10n.t('Critique kinds'),
    toggle: vscode.l10n.t('Show or hide {0}'),
    addNote: vscode.l10n.t('Add a {0} note quoting this sentence'),
    reveal: vscode.l10n.t('Select this sentence in the editor'),
    kinds,
  };
}

export function markdownOptions(): MarkdownOptions {
  const preview = vscode.workspace.getConfiguration('markdown.preview');
  return { breaks: preview.get<boolean>('breaks', false), linkify: preview.get<boolean>('linkify', true) };
}

export function buildStudy(serial: number, target: StudyTarget, uri: vscode.Uri, text: string, index: DocumentIndex): RenderedStudy {
  const paperIndex = target.paper && findTargetPaper(index, target.paper);
  const source = vscode.workspace.asRelativePath(uri);
  if (target.paper && paperIndex === undefined) {
    const problem = vscode.l10n.t('The paper “{0}” is no longer in {1}.', target.paper.title, source);
    return { uri, text, index, view: problemView(serial, target, target.paper.title, source, problem) };
  }
  const paper = paperIndex === undefined ? undefined : index.papers[paperIndex];
  const slice: RenderSlice = paperIndex === undefined ? wholeDocument(text, index) : paperSlice(text, index, paperIndex);
  const counts = paperIndex === undefined ? fileCounts(index) : countsOf(index, paperIndex);
  const view: StudyView = {
    serial,
    target: paper && paperIndex !== undefined ? { uri: target.uri, paper: { index: paperIndex, title: paper.title } } : { uri: target.uri },
    title: paper?.title ?? baseName(uri),
    source,
    html: renderSlice(slice, markdownOptions()),
    lineOffset: slice.lineOffset,
    legend: CRITIQUE_KINDS.map((kind) => ({ kind, label: kindGroupLabel(kind), count: counts[kind] })),
    strings: studyStrings(),
  };
  return { uri, text, index, view };
}

export function problemView(serial: number, target: StudyTarget, title: string, source: string, problem: string): StudyView {
  return {
    serial, target, title, source, html: '', lineOffset: 0, problem,
    legend: CRITIQUE_KINDS.map((kind) => ({ kind, label: kindGroupLabel(kind), count: 0 })),
    strings: studyStrings(),
  };
}
