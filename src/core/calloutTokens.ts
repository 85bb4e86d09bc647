// Notes rendered as callout blocks: a blockquote that the index knows as a note (an Obsidian callout
// or a GitHub alert) becomes `ps_callout_*` tokens with its kind, label, title and body.

import type { StateCore, Token } from 'markdown-it';
import type { DocumentIndex, Note } from './model';
import { noteLabel } from './export/kindLabels';

/** `[!kind]± Title` on the first line of a quote's first paragraph; group 1 is the title. */
const CALLOUT_HEAD = /^\[![^\]\n]*\][+-]?[ \t]*([^\n]*)(?:\n|$)/;

interface OpenQuote { callout: boolean; hasBody: boolean }

/** Turns blockquotes that the index knows as notes into callout tokens (runs before inline parsing). */
export function renderCallouts(state: StateCore, index: DocumentIndex): void {
  if (index.notes.length === 0) return;
  const notesByLine = new Map<number, Note>();
  for (const n of index.notes) if (!notesByLine.has(n.line)) notesByLine.set(n.line, n);
  const src = state.tokens;
  // A callout's tokens replace its quote's: at most five more each. One array of that size, since
  // growing one token by token copies a page's tokens several times over.
  const out = new Array<Token>(src.length + 5 * notesByLine.size);
  let count = 0;
  const push = (t: Token) => { out[count++] = t; };
  const stack: OpenQuote[] = [];
  const make = (type: string, tag: string, nesting: -1 | 0 | 1, level: number): Token => {
    const t = new state.Token(type, tag, nesting);
    t.block = true;
    t.level = level;
    return t;
  };

  for (let i = 0; i < src.length; i++) {
    const t = src[i];
    if (t.type === 'blockquote_close') {
      const open = stack.pop();
      if (open?.callout) {
        if (open.hasBody) push(make('ps_callout_body_close', 'div', -1, t.level + 1));
        push(make('ps_callout_close', 'div', -1, t.level));
      } else push(t);
      continue;
    }
    if (t.type !== 'blockquote_open') { push(t); continue; }

    const head = calloutHead(src, i, notesByLine);
    if (!head) {
      if (stack.length && stack[stack.length - 1].callout) t.attrJoin('class', 'ps-callout-quote');
      stack.push({ callout: false, hasBody: false });
      push(t);
      continue;
    }
    const { note, title, rest } = head;
    const open = make('ps_callout_open', 'div', 1, t.level);
    open.map = t.map;
    open.attrSet('class', `ps-callout ps-kind-${note.kind}`);
    open.attrSet('data-kind', note.kind);
    if (note.fold) open.attrSet('data-fold', note.fold);
    push(open);

    const titleOpen = make('ps_callout_title_open', 'div', 1, t.level + 1);
    titleOpen.meta = { label: noteLabel(note), hasTitle: title !== '' };
    push(titleOpen);
    if (title !== '') {
      const titleInline = make('inline', '', 0, t.level + 2);
      titleInline.content = title;
      titleInline.children = [];
      push(titleInline);
    }
    const titleClose = make('ps_callout_title_close', 'div', -1, t.level + 1);
    titleClose.meta = { hasTitle: title !== '' };
    push(titleClose);

    // The first paragraph lost its head line; drop it when nothing else was in it.
    const paragraph = src[i + 1];
    const inline = src[i + 2];
    if (rest.trim() === '') i += 3;
    else {
      inline.content = rest;
      if (paragraph.map) { paragraph.map = [paragraph.map[0] + 1, paragraph.map[1]]; inline.map = [...paragraph.map]; }
    }
    const hasBody = src[i + 1]?.type !== 'blockquote_close';
    if (hasBody) {
      const body = make('ps_callout_body_open', 'div', 1, t.level + 1);
      body.attrSet('class', 'ps-callout-body');
      push(body);
    }
    stack.push({ callout: true, hasBody });
  }
  out.length = count;
  state.tokens = out;
}

/** The note whose head line opens the blockquote at `i`, with its title source and the remaining lines. */
function calloutHead(src: readonly Token[], i: number, notesByLine: ReadonlyMap<number, Note>): { note: Note; title: string; rest: string } | undefined {
  const q = src[i];
  const inline = src[i + 2];
  if (!q.map || src[i + 1]?.type !== 'paragraph_open' || inline?.type !== 'inline') return undefined;
  const note = notesByLine.get(q.map[0] + 1);
  const m = CALLOUT_HEAD.exec(inline.content);
  if (!note || !m) return undefined;
  return { note, title: m[1].trim(), rest: inline.content.slice(m[0].length) };
}

