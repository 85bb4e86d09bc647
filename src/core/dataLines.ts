// `data-line` on blocks: the 1-based source line of every block token that opens or stands alone,
// unless something set one already. Nearly every block of a page carries one, so the attribute
// costs as little as it can: its rendered strings are kept by line number, and on Paper Study's own
// setup (markdown-it's renderer, no foreign rules) a block without attributes gets it when rendered
// instead of as two arrays of its own.

import type { Renderer, Token } from 'markdown-it';

/** Lines below this one have their rendered attribute kept: at most 16k short strings, enough for
 *  the pages one reads (a 1 MB summary has about 15k lines). */
const MAX_KEPT_LINE = 1 << 14;
const rendered: string[] = [];

/** ` data-line="<line>"`. */
function dataLineHtml(line: number): string {
  if (line >= MAX_KEPT_LINE) return ` data-line="${line}"`;
  return rendered[line] ??= ` data-line="${line}"`;
}

/** The 1-based line of a block token that opens or stands alone and comes from the source, else 0. */
function blockLine(t: Partial<Pick<Token, 'map' | 'nesting' | 'type' | 'attrs'>>): number {
  return t.map && t.nesting !== -1 && t.type !== 'inline' ? t.map[0] + 1 : 0;
}

function hasDataLine(attrs: readonly (readonly [string, unknown])[]): boolean {
  for (let i = 0; i < attrs.length; i++) if (attrs[i][0] === 'data-line') return true;
  return false;
}

/** Adds `data-line` to a block that has none. With `atRender`, a block without attributes is
 *  left to `renderAttrsWithDataLines`; a fence is not, since its rule renders a copy. */
export function addDataLine(t: Token, atRender: boolean): void {
  const line = blockLine(t);
  if (line === 0) return;
  if (!t.attrs) {
    if (!atRender || t.type === 'fence') t.attrs = [['data-line', String(line)]];
  } else if (!hasDataLine(t.attrs)) t.attrs.push(['data-line', String(line)]);
}

type RenderAttrs = Renderer['renderAttrs'];

/** markdown-it's `renderAttrs` (given as `renderAttrs`) with the same output for every token, and
 *  a lone `data-line` taken from the kept strings. With `atRender`, a block that `addDataLine` left
 *  without one gets its `data-line` first, before any attribute set after that rule. */
export function renderAttrsWithDataLines(renderAttrs: RenderAttrs, atRender: boolean): RenderAttrs {
  return function (this: Renderer, token) {
    const attrs = token.attrs;
    const line = atRender ? blockLine(token) : 0;
    if (line !== 0 && (!attrs || !hasDataLine(attrs))) return dataLineHtml(line) + (attrs ? renderAttrs.call(this, token) : '');
    if (attrs && attrs.length === 1 && attrs[0][0] === 'data-line') {
      const value = attrs[0][1];
      const kept = Number(value);
      if (Number.isInteger(kept) && kept >= 0 && String(kept) === String(value)) return dataLineHtml(kept);
    }
    return renderAttrs.call(this, token);
  };
}
