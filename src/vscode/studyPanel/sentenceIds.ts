// A markdown-it rule for the study panel: every critique mark the Paper Study plugin wrote gets a
// `data-sentence` attribute, the index of its sentence in the document's index, so that a click
// on it can select exactly that sentence in the editor. Runs after the plugin's rules.
import type { MarkdownIt, StateCore } from 'markdown-it';
import type { MarkMeta } from '../../core/sentenceMarks';
import type { ClassifiedSentence, DocumentIndex } from '../../core/model';

/** What the rule reads from markdown-it's `env`. */
export interface SentenceIdEnv {
  [key: string | symbol]: unknown;
  paperStudyIndex?: DocumentIndex;
  /** Sentences of `paperStudyIndex` → their id. */
  paperStudySentenceIds?: ReadonlyMap<ClassifiedSentence, number>;
}

/** Each mark's sentence is on its `meta` (every mark of a sentence split into several). */
function assignIds(state: StateCore): void {
  const ids = (state.env as SentenceIdEnv | undefined)?.paperStudySentenceIds;
  if (!ids) return;
  for (const t of state.tokens) {
    if (t.type !== 'inline' || !t.children) continue;
    for (const c of t.children) {
      const sentence = c.type === 'ps_mark_open' ? (c.meta as Partial<MarkMeta> | null)?.sentence : undefined;
      const id = sentence && ids.get(sentence);
      if (id !== undefined) c.attrSet('data-sentence', String(id));
    }
  }
}

export function sentenceIdPlugin(md: MarkdownIt): void {
  md.core.ruler.push('paper_study_sentence_ids', assignIds);
}
