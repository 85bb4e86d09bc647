// What the page shows, measured in the DOM (computed styles, not class names), for the host.
import { CRITIQUE_KINDS, emptyCounts, type CritiqueKind } from '../core/model';
import type { RenderReport, StudyView } from '../shared/messages';

const TRANSPARENT = /^(transparent|rgba\(\d+, \d+, \d+, 0\))$/;

/** Whether a mark paints anything that sets it apart from plain text. */
function paintsHighlight(mark: Element): boolean {
  const style = getComputedStyle(mark);
  const background = !TRANSPARENT.test(style.backgroundColor);
  const border = style.borderBottomStyle !== 'none' && parseFloat(style.borderBottomWidth) > 0 && !TRANSPARENT.test(style.borderBottomColor);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !TRANSPARENT.test(style.outlineColor);
  return background || border || outline;
}

function kindOf(el: Element): CritiqueKind | undefined {
  const kind = (el as HTMLElement).dataset.kind;
  return CRITIQUE_KINDS.includes(kind as CritiqueKind) ? kind as CritiqueKind : undefined;
}

export function measure(content: HTMLElement, view: StudyView, hidden: ReadonlySet<CritiqueKind>, topLine: number | undefined): RenderReport {
  const marks = emptyCounts(), visibleMarks = emptyCounts(), callouts = emptyCounts(), visibleCallouts = emptyCounts(), legend = emptyCounts();
  const seen = new Set<string>();
  for (const mark of content.querySelectorAll<HTMLElement>('mark.ps-mark[data-sentence]')) {
    const kind = kindOf(mark);
    if (!kind || seen.has(mark.dataset.sentence!)) continue;
    seen.add(mark.dataset.sentence!);
    marks[kind]++;
    if (paintsHighlight(mark)) visibleMarks[kind]++;
  }
  for (const callout of content.querySelectorAll('.ps-callout')) {
    const kind = kindOf(callout);
    if (!kind) continue;
    callouts[kind]++;
    if (callout.getClientRects().length > 0) visibleCallouts[kind]++;
  }
  for (const entry of view.legend) legend[entry.kind] = entry.count;
  const theme = [...document.body.classList].filter((c) => c.startsWith('vscode-')).join(' ');
  return { serial: view.serial, hiddenKinds: CRITIQUE_KINDS.filter((k) => hidden.has(k)), marks, visibleMarks, callouts, visibleCallouts, legend, theme, topLine };
}
