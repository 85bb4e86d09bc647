// The markdown-it plugin of Paper Study: notes (Obsidian callouts, GitHub alerts) render as callout
// blocks (calloutTokens.ts), critique sentences are wrapped in <mark> (sentenceMarks.ts), and block
// elements carry `data-line` (dataLines.ts).
// It serves the study panel, HTML export and VS Code's built-in preview, whose own instance may allow
// raw HTML: everything this plugin writes is escaped here and never relies on the instance's options,
// and raw HTML and links from the source pass an allow-list (safeTokens.ts) on any instance.
//
// `data-line` values are 1-based source lines (the model's convention). This plugin never overwrites
// a `data-line` already set: in VS Code's preview, whose own rule writes 0-based values on blocks with
// attrSet, the preview's values are the ones on blocks (marks and callouts keep ours).

import type { MarkdownIt, StateCore } from 'markdown-it';
import type { DocumentIndex, IndexOptions } from './model';
import { indexDocument } from './indexer';
import { escapeHtml } from './html';
import { createMarkdown, isSharedSetup, type MarkdownOptions } from './markdown';
import { neutralizeToken } from './safeTokens';
import { renderCallouts } from './calloutTokens';
import { markCloseRule, markOpenRule, plannedMarks, sentenceMarker, type PlannedMarks, type SentenceIds } from './sentenceMarks';
import { addDataLine, renderAttrsWithDataLines } from './dataLines';

export { isHighlighted } from './sentenceMarks';

export interface PaperStudyPluginOptions {
  /** Index options used when `env.paperStudyIndex` is absent; read at every render. */
  readonly indexOptions?: () => IndexOptions;
  /** Whether critique sentences are highlighted; read at every render. Default: yes. */
  readonly highlight?: () => boolean;
  /** Write the marks while rendering instead of making them tokens: the same HTML, made faster,
   *  for an instance whose tokens nobody else reads (`md.parse` then shows no marks). Marks are
   *  tokens when the environment is missing. Default: no. */
  readonly marksAtRender?: boolean;
}

/** What a caller may put in markdown-it's `env`. */
export interface PaperStudyEnv {
  [key: string | symbol]: unknown;
  /** The index of exactly the text being rendered; computed when absent. */
  paperStudyIndex?: DocumentIndex;
  /** Sentences of `paperStudyIndex` → an id each, written on their marks as `data-sentence`. */
  paperStudySentenceIds?: SentenceIds;
}

/** Where the environment keeps the marks planned while parsing (`marksAtRender`). */
const PLANNED = Symbol('paperStudyPlannedMarks');

export function paperStudyPlugin(md: MarkdownIt, options: PaperStudyPluginOptions = {}): void {
  const indexes = new WeakMap<object, { src: string; index: DocumentIndex }>();
  const indexOf = (state: StateCore): DocumentIndex => {
    const env = state.env as PaperStudyEnv | undefined;
    if (env?.paperStudyIndex && Array.isArray(env.paperStudyIndex.sentences)) return env.paperStudyIndex;
    const key = (env ?? state) as object;
    const cached = indexes.get(key);
    if (cached && cached.src === state.src) return cached.index;
    const index = indexDocument(state.src, options.indexOptions?.() ?? {});
    indexes.set(key, { src: state.src, index });
    return index;
  };

  md.core.ruler.after('block', 'paper_study_callouts', (state) => { renderCallouts(state, indexOf(state)); });
  // On the shared setup, whose renderer renders attributes as markdown-it does and runs no foreign
  // rules, blocks without attributes get their data-line when rendered.
  const renderAttrs = md.renderer.renderAttrs;
  const ownRenderAttrs = renderAttrs === Object.getPrototypeOf(md.renderer).renderAttrs;
  const linesAtRender = ownRenderAttrs && isSharedSetup(md);
  if (ownRenderAttrs) md.renderer.renderAttrs = renderAttrsWithDataLines(renderAttrs, linesAtRender);
  // Last, so that it also sees what other rules made: nothing unsafe reaches the renderer. One walk
  // over the tokens: each is marked, made safe and given its data-line, in that order.
  md.core.ruler.push('paper_study_tokens', (state) => {
    const env = state.env as PaperStudyEnv | undefined;
    const planned = options.marksAtRender && env ? (env[PLANNED] = plannedMarks(state)) : undefined;
    const mark = (options.highlight?.() ?? true) ? sentenceMarker(state, indexOf(state), planned) : undefined;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (mark) mark(t);
      neutralizeToken(t);
      addDataLine(t, linesAtRender);
    }
  });

  if (options.marksAtRender) {
    const renderInline = md.renderer.renderInline;
    md.renderer.renderInline = function (tokens, opts, env) {
      const planned = (env as PaperStudyEnv | undefined)?.[PLANNED] as PlannedMarks | undefined;
      return planned?.render(tokens, opts, env, this) ?? renderInline.call(this, tokens, opts, env);
    };
  }
  md.renderer.rules.ps_mark_open = markOpenRule(md.utils.escapeHtml);
  md.renderer.rules.ps_mark_close = markCloseRule;
  md.renderer.rules.ps_callout_title_open = (tokens, idx) => {
    const t = tokens[idx];
    const label = `<span class="ps-callout-label">${escapeHtml(String(t.meta?.label ?? ''))}</span>`;
    return `<div class="ps-callout-title">${label}${t.meta?.hasTitle ? ' <span class="ps-callout-title-text">' : ''}`;
  };
  md.renderer.rules.ps_callout_title_close = (tokens, idx) => `${tokens[idx].meta?.hasTitle ? '</span>' : ''}</div>\n`;
}

export interface RenderOptions {
  readonly markdown?: MarkdownOptions;
  /** The index of `text`, when the caller has it already. */
  readonly index?: DocumentIndex;
  /** Used to compute the index when none is given. */
  readonly indexOptions?: IndexOptions;
  /** Ids of the index's sentences, written on their marks (`data-sentence`). */
  readonly sentenceIds?: SentenceIds;
}

/** Renders `text` with the shared setup and the plugin, whose marks are written while rendering;
 *  the index is computed once (or reused). */
export function renderDocument(text: string, options: RenderOptions = {}): { html: string; index: DocumentIndex } {
  const index = options.index ?? indexDocument(text, options.indexOptions ?? {});
  const env: PaperStudyEnv = { paperStudyIndex: index, paperStudySentenceIds: options.sentenceIds };
  return { html: sharedMarkdown(options.markdown).render(text, env), index };
}

const instances = new Map<string, MarkdownIt>();
function sharedMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const key = `${options.breaks ?? false}|${options.linkify ?? true}`;
  let md = instances.get(key);
  if (!md) {
    md = createMarkdown(options).use(paperStudyPlugin, { marksAtRender: true });
    instances.set(key, md);
  }
  return md;
}
