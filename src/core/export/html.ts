// HTML export: one standalone page (no script, strict CSP, inline CSS for light, dark and print) with
// the document rendered by the shared markdown-it setup and plugin, a legend, and a critique digest
// after each paper whose items link to `#L<line>` anchors on the rendered elements.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { CRITIQUE_KINDS, type DocumentIndex } from '../model';
import { buildLineTable, lineOfOffset } from '../lines';
import { createMarkdown } from '../markdown';
import { paperStudyPlugin, type PaperStudyEnv } from '../markdownPlugin';
import { attributes, escapeHtml } from '../html';
import { CRITIQUE_CSS } from './critiqueCss';
import { digestsOf, DIGEST_TITLE, EMPTY_GROUP, NO_CRITIQUE, type PaperDigest } from './digest';
import { KIND_LABEL } from './kindLabels';

/** No scripts, no frames, no fetches; styles inline; images only over https. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https:; base-uri 'none'; form-action 'none'";

const PAGE_CSS = `html { color-scheme: light dark; }
body { margin: 0 auto; max-width: 52em; padding: 2em 1.5em 4em; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #ffffff; }
@media (prefers-color-scheme: dark) { body { color: #e6edf3; background: #0d1117; } a { color: #58a6ff; } }
a { color: #0969da; }
code, pre { font-family: ui-monospace, "SF Mono", Consolas, monospace; font-size: 0.9em; }
pre { overflow-x: auto; padding: 0.8em; border-radius: 6px; background: rgba(128, 128, 128, 0.12); }
blockquote { margin: 1em 0; padding: 0 1em; border-left: 4px solid rgba(128, 128, 128, 0.4); }
table { border-collapse: collapse; } th, td { border: 1px solid rgba(128, 128, 128, 0.4); padding: 0.3em 0.6em; }
img { max-width: 100%; }
.ps-page-header { margin-bottom: 2em; padding-bottom: 0.5em; border-bottom: 1px solid rgba(128, 128, 128, 0.35); }
.ps-source { margin: 0 0 0.5em; font-size: 0.9em; opacity: 0.8; }
@media print { body { max-width: none; padding: 0; color: #000; background: #fff; font-size: 11pt; } a { color: inherit; } pre { white-space: pre-wrap; } }
`;

export function exportHtml(text: string, index: DocumentIndex, opts: { fileName: string; paper?: number; title?: string }): string {
  const digests = digestsOf(index);
  const lines = buildLineTable(text);
  const one = opts.paper !== undefined ? index.papers[opts.paper] : undefined;
  const range = one ? { paper: opts.paper!, first: lineOfOffset(lines, one.start), last: one.endLine } : undefined;
  const md = createMarkdown().use(paperStudyPlugin).use(exportRules, { index, digests, range });
  const env: PaperStudyEnv = { paperStudyIndex: index };
  const body = md.render(text, env);
  const title = opts.title ?? one?.title ?? opts.fileName;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy"${attributes({ content: EXPORT_CSP })}>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${PAGE_CSS}${CRITIQUE_CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="ps-page-header">',
    `<p class="ps-source">${escapeHtml(opts.fileName)}</p>`,
    legend(),
    '</header>',
    '<main class="ps-document">',
    body + '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function legend(): string {
  const items = CRITIQUE_KINDS.map((k) => `<li><mark${attributes({ class: `ps-mark ps-kind-${k}`, 'data-kind': k })}>${KIND_LABEL[k]}</mark></li>`);
  return `<ul class="ps-legend" aria-label="Legend">\n${items.join('\n')}\n</ul>`;
}

interface ExportRulesOptions {
  readonly index: DocumentIndex;
  readonly digests: readonly PaperDigest[];
  /** The one paper to keep, with its 1-based first and last line. */
  readonly range?: { paper: number; first: number; last: number };
}

/** Export-only rules: keep one paper's blocks, give elements `id="L<line>"`, add digests. */
function exportRules(md: MarkdownIt, opts: ExportRulesOptions): void {
  let anchors: number[] = [];
  md.core.ruler.push('paper_study_export', (state) => {
    if (opts.range) state.tokens = keepLines(state.tokens, opts.range.first, opts.range.last);
    anchors = assignIds(state.tokens);
    state.tokens = withDigests(state, opts);
  });
  md.renderer.rules.ps_digest = (tokens, idx) => {
    const p = Number(tokens[idx].meta?.paper);
    return digestHtml(opts.digests[p], (line) => `#L${nearestAnchor(anchors, line)}`);
  };
}

/** The top-level blocks (with everything inside them) that start within [first, last]. */
function keepLines(tokens: Token[], first: number, last: number): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let keep = false;
  for (const t of tokens) {
    if (depth === 0 && t.map) keep = t.map[0] + 1 >= first && t.map[0] + 1 <= last;
    if (keep) out.push(t);
    depth += t.nesting;
  }
  return out;
}

/** Ids `L<line>` on rendered block elements and on each sentence's first mark, first come first
 *  served; returns the lines that got one, ascending. */
function assignIds(tokens: readonly Token[]): number[] {
  const used = new Set<number>();
  const give = (t: Token, line: number) => {
    if (used.has(line) || t.attrGet('id') !== null) return;
    used.add(line);
    t.attrSet('id', `L${line}`);
  };
  for (const t of tokens) {
    if (t.map && t.nesting !== -1 && t.type !== 'inline' && !t.hidden && t.type !== 'front_matter') give(t, t.map[0] + 1);
    for (const c of t.children ?? []) if (c.type === 'ps_mark_open' && c.meta?.first) give(c, Number(c.meta.line));
  }
  return [...used].sort((a, b) => a - b);
}

/** The line itself when it has an anchor, else the nearest anchored line before it. */
function nearestAnchor(anchors: readonly number[], line: number): number {
  let lo = 0, hi = anchors.length - 1, best = anchors[0] ?? line;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid] <= line) { best = anchors[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

/** Inserts a digest token after the last top-level block of each paper. */
function withDigests(state: StateCore, opts: ExportRulesOptions): Token[] {
  const papers = opts.index.papers
    .map((paper, p) => ({ p, endLine: paper.endLine }))
    .filter(({ p }) => !opts.range || p === opts.range.paper);
  const out: Token[] = [];
  let next = 0;
  const flushUntil = (line: number) => {
    while (next < papers.length && papers[next].endLine < line) {
      const t = new state.Token('ps_digest', 'section', 0);
      t.block = true;
      t.meta = { paper: papers[next].p };
      out.push(t);
      next++;
    }
  };
  let depth = 0;
  for (const t of state.tokens) {
    if (depth === 0 && t.map) flushUntil(t.map[0] + 1);
    out.push(t);
    depth += t.nesting;
  }
  flushUntil(Infinity);
  return out;
}

function digestHtml(digest: PaperDigest, href: (line: number) => string): string {
  const h = `h${digest.level}`;
  const out = ['<section class="ps-digest">', `<${h}>${DIGEST_TITLE}</${h}>`];
  if (!digest.hasCritique) out.push(`<p class="ps-digest-none">${NO_CRITIQUE}</p>`);
  else {
    for (const g of digest.groups) {
      out.push(`<p${attributes({ class: `ps-digest-kind ps-kind-${g.kind}` })}><strong>${escapeHtml(g.label)}</strong></p>`);
      if (g.items.length === 0) { out.push(`<p class="ps-digest-none">${EMPTY_GROUP}</p>`); continue; }
      out.push('<ul>');
      for (const item of g.items) {
        const link = `<a${attributes({ class: 'ps-digest-line', href: href(item.line) })}>L${item.line}</a>`;
        out.push(`<li${attributes({ class: `ps-kind-${item.kind}` })}>${escapeHtml(item.text)} ${link}</li>`);
      }
      out.push('</ul>');
    }
  }
  out.push('</section>', '');
  return out.join('\n');
}
