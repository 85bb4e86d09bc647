// Renders a slice of a summary for the study panel: Paper Study's markdown-it setup and plugin
// (the same as HTML export and the built-in preview), with the panel's sentence ids on marks.
import type { MarkdownOptions } from '../../core/markdown';
import { renderDocument } from '../../core/markdownPlugin';
import type { RenderSlice } from './paperSlice';

export function renderSlice(slice: RenderSlice, options: MarkdownOptions = {}): string {
  return renderDocument(slice.text, { index: slice.index, sentenceIds: slice.sentenceIds, markdown: options }).html;
}
