// A markdown-it rule for the study panel: every critique mark the Paper Study plugin wrote gets a
// `data-sentence` attribute, the index of its sentence in the document's index, so that a click
// on it can select exactly that sentence in the editor. Runs after the plugin's rules.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { plainText } from '../../core/inline';
import { isHighlighted } from '../../core/markdownPlugin';
import type { ClassifiedSentence, DocumentIndex } from '../../core/model';

/** What the rule reads from markdown-it's `env`. */
export interface SentenceIdEnv {
  [key: string | symbol]: unknown;
  paperStudyIndex?: DocumentIndex;
  /** Sentences of `paperStudyIndex` → their id. */
  paperStudySentenceIds?: ReadonlyMap<ClassifiedSentence, number>;
}

const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** The text inside the mark that opens at `k` (up to its matching close). */
function markText(children: readonly Token[], k: number): string {
  let depth = 0;
  let text = '';
  for (let i = k + 1; i < children.length; i++) {
    const c = children[i];
    if (c.type === 'ps_mark_open') depth++;
    else if (c.type === 'ps_mark_close') { if (depth === 0) break; depth--; }
    else if (c.type === 'text' || c.type === 'code_inline') text += c.content;
  }
  return text;
}

function assignIds(state: StateCore): void {
  const env = state.env as SentenceIdEnv | undefined;
  const index = env?.paperStudyIndex;
  const ids = env?.paperStudySentenceIds;
  if (!index || !ids) return;
  const byLine = new Map<number, ClassifiedSentence[]>();
  for (const s of index.sentences) {
    if (!isHighlighted(s)) continue;
    const list = byLine.get(s.line);
    if (list) list.push(s); else byLine.set(s.line, [s]);
  }
  const used = new Set<ClassifiedSentence>();
  for (const t of state.tokens) {
    if (t.type !== 'inline' || !t.children) continue;
    let current: number | undefined;
    t.children.forEach((c, k, children) => {
      if (c.type !== 'ps_mark_open') return;
      const meta = c.meta as { line?: number; first?: boolean } | undefined;
      if (meta?.first) {
        // Marks come in text order; a mark's first piece is part of its sentence's text.
        const piece = letters(markText(children, k));
        const candidates = (byLine.get(meta.line ?? -1) ?? []).filter((s) => !used.has(s) && s.kind === c.attrGet('data-kind'));
        const s = candidates.find((x) => letters(plainText(x.text)).includes(piece)) ?? candidates[0];
        if (s) used.add(s);
        current = s && ids.get(s);
      }
      if (current !== undefined) c.attrSet('data-sentence', String(current));
    });
  }
}

export function sentenceIdPlugin(md: MarkdownIt): void {
  md.core.ruler.push('paper_study_sentence_ids', assignIds);
}
