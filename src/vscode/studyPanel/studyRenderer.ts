// Renders a slice of a summary for the study panel: Paper Study's markdown-it setup and plugin
// (the same as HTML export and the built-in preview), plus the panel's sentence ids on marks.
import type { MarkdownIt } from 'markdown-it';
import { createMarkdown, type MarkdownOptions } from '../../core/markdown';
import { paperStudyPlugin } from '../../core/markdownPlugin';
import type { RenderSlice } from './paperSlice';
import { sentenceIdPlugin, type SentenceIdEnv } from './sentenceIds';

const instances = new Map<string, MarkdownIt>();

function markdownFor(options: MarkdownOptions): MarkdownIt {
  const key = `${options.breaks ?? false}|${options.linkify ?? true}`;
  let md = instances.get(key);
  if (!md) {
    md = createMarkdown(options).use(paperStudyPlugin).use(sentenceIdPlugin);
    instances.set(key, md);
  }
  return md;
}

export function renderSlice(slice: RenderSlice, options: MarkdownOptions = {}): string {
  const env: SentenceIdEnv = { paperStudyIndex: slice.index, paperStudySentenceIds: slice.sentenceIds };
  return markdownFor(options).render(slice.text, env);
}
