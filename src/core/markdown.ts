// The one markdown-it setup of Paper Study, shared by the study panel and HTML export (VS Code's
// built-in preview brings its own instance and only receives the plugin). Raw HTML is off, and links
// and images pass a scheme allow-list.

import markdownIt from 'markdown-it';
import type { MarkdownIt, StateBlock, StateInline, Token } from 'markdown-it';
import { useFastTokens } from './fastTokens';

export interface MarkdownOptions {
  /** Turn single line breaks into `<br>` (VS Code's `markdown.preview.breaks`). Default false. */
  readonly breaks?: boolean;
  /** Turn bare URLs into links (VS Code's `markdown.preview.linkify`). Default true. */
  readonly linkify?: boolean;
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const IMAGE_SCHEMES = new Set(['http', 'https']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/;
// Characters browsers drop or ignore while reading a URL's scheme: whitespace, C0/C1 controls,
// soft hyphen, zero-width and direction marks, BOM.
const IGNORED = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/** Decodes percent escapes and numeric/named-colon entities, repeatedly, so that no encoded scheme slips by. */
function decodeForCheck(url: string): string {
  let s = url;
  for (let round = 0; round < 3; round++) {
    const before = s;
    s = s
      .replace(/%([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/&#x0*([0-9a-f]{1,6});?/gi, (_m, h: string) => codePoint(parseInt(h, 16)))
      .replace(/&#0*([0-9]{1,7});?/g, (_m, d: string) => codePoint(Number(d)))
      .replace(/&colon;?/gi, ':')
      .replace(/&(?:tab|newline);?/gi, '');
    if (s === before) break;
  }
  return s;
}

function codePoint(cp: number): string {
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
}

/** The lower-case scheme of a URL as a browser would read it, or '' for a relative URL. */
export function urlScheme(url: string): string {
  const plain = plainScheme(url);
  if (plain !== undefined) return plain;
  const s = decodeForCheck(url).replace(IGNORED, '').toLowerCase();
  return SCHEME.exec(s)?.[1] ?? '';
}

/** The scheme of a URL of printable ASCII without `%` or `&` (nothing to decode or ignore, the
 *  common case), read without regular expressions; undefined for any other URL. */
function plainScheme(url: string): string | undefined {
  let colon = -1;
  let schemeChars = true;
  for (let k = 0; k < url.length; k++) {
    const c = url.charCodeAt(k);
    if (c <= 0x20 || c >= 0x7f || c === 0x25 /* % */ || c === 0x26 /* & */) return undefined;
    if (colon >= 0 || !schemeChars) continue;
    if (c === 0x3a /* : */) colon = k;
    else schemeChars = isSchemeCode(c, k === 0);
  }
  return colon > 0 && schemeChars ? url.slice(0, colon).toLowerCase() : '';
}

/** `[a-z]` first, then `[a-z0-9+.-]`, either case. */
function isSchemeCode(c: number, first: boolean): boolean {
  const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return letter || (!first && ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2e || c === 0x2d));
}

/** Links may be http:, https:, mailto:, relative paths or `#` anchors. */
export function isSafeLink(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === '' || LINK_SCHEMES.has(scheme);
}

/** Images may be http:, https: or relative. */
export function isSafeImage(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === '' || IMAGE_SCHEMES.has(scheme);
}

function isExternal(href: string): boolean {
  const scheme = urlScheme(href);
  return scheme === 'http' || scheme === 'https' || (scheme === '' && href.trimStart().startsWith('//'));
}

/** Instances made by `createMarkdown`. */
const sharedSetups = new WeakSet<MarkdownIt>();

/** Whether `md` is Paper Study's own setup: markdown-it's renderer, and only Paper Study's rules. */
export function isSharedSetup(md: MarkdownIt): boolean {
  return sharedSetups.has(md);
}

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const md = markdownIt({ html: false, linkify: options.linkify ?? true, typographer: false, breaks: options.breaks ?? false });
  md.validateLink = isSafeLink;
  useFastTokens(md);
  md.inline.ruler.at('text', text);
  if (md.options.linkify) cheapenLinkify(md);
  md.block.ruler.before('table', 'front_matter', frontMatter, { alt: [] });
  md.renderer.rules.front_matter = () => '';

  const renderToken = (tokens: Token[], idx: number, opts: MarkdownIt['options'], _env: unknown, self: MarkdownIt['renderer']) =>
    self.renderToken(tokens, idx, opts);

  const image = md.renderer.rules.image ?? renderToken;
  md.renderer.rules.image = (tokens, idx, opts, env, self) => {
    const src = tokens[idx].attrGet('src');
    if (src !== null && !isSafeImage(String(src))) {
      return md.utils.escapeHtml(self.renderInlineAsText(tokens[idx].children ?? [], opts, env));
    }
    return image(tokens, idx, opts, env, self);
  };

  const linkOpen = md.renderer.rules.link_open ?? renderToken;
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    const href = tokens[idx].attrGet('href');
    if (href !== null && isExternal(String(href))) tokens[idx].attrSet('rel', 'noopener noreferrer');
    return linkOpen(tokens, idx, opts, env, self);
  };
  md.renderer.rules.text = (tokens, idx) => escapeText(tokens[idx].content);
  sharedSetups.add(md);
  return md;
}

const TEXT_ESCAPES: readonly (readonly [string, RegExp, string])[] = [['&', /&/g, '&amp;'], ['<', /</g, '&lt;'], ['>', />/g, '&gt;'], ['"', /"/g, '&quot;']];
const TEXT_ESCAPED = /[&<>"]/;

/** markdown-it's `escapeHtml` (`&`, `<`, `>` and `"`), for text: on longer text a search for each
 *  character, which skips along the text several times faster than markdown-it's regular
 *  expression, then a replacement by a plain string only where it is found. */
export function escapeText(text: string): string {
  if (text.length < 64 && !TEXT_ESCAPED.test(text)) return text;
  let html = text;
  for (const [c, all, entity] of TEXT_ESCAPES) if (html.indexOf(c) >= 0) html = html.replace(all, entity);
  return html;
}

/** What markdown-it's `text` rule takes: a run of characters none of which may start other inline
 *  syntax (its `isTerminatorChar`). */
const TEXT_RUN = /[^\n!#$%&*+\-:<=>@[\\\]^_`{}~]+/y;

/** markdown-it's `text` rule, which walks the text a character at a time through a switch: here one
 *  search for a character class, several times faster on prose, where it runs over nearly every
 *  character. It stops where markdown-it's does: at the first such character or at `posMax`. */
function text(state: StateInline, silent: boolean): boolean {
  TEXT_RUN.lastIndex = state.pos;
  if (!TEXT_RUN.test(state.src)) return false;
  const pos = Math.min(TEXT_RUN.lastIndex, state.posMax);
  if (pos <= state.pos) return false;
  if (!silent) state.pending += state.src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

/** linkify-it's `test` runs a search whose every position tries a large Unicode class, on each
 *  paragraph and again on each text piece of one that may hold a link: on prose, most of the render
 *  time. A link it recognises needs `//` (after `http:`, `https:`, `ftp:`, or alone) or `@` (e-mail,
 *  with or without `mailto:`) as long as fuzzy links (`example.com`) stay off, so a text with
 *  neither cannot hold one; the others go through the full test. */
function cheapenLinkify(md: MarkdownIt): void {
  const linkify = md.linkify;
  linkify.set({ fuzzyLink: false }); // linkify-it's default, which the check relies on
  const test = linkify.test.bind(linkify);
  linkify.test = (text: string) => (text.includes('//') || text.includes('@')) && test(text);
}

/** YAML front matter (`---` on the first line up to `---` or `...`) is metadata, not content: it
 *  becomes a token that renders nothing, as in VS Code's preview. */
function frontMatter(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // Tried at every block start: return before allocating anything.
  if (startLine !== 0 || state.blkIndent !== 0) return false;
  if (sourceLine(state, 0) !== '---') return false;
  for (let i = 1; i < endLine; i++) {
    const t = sourceLine(state, i);
    if (t !== '---' && t !== '...') continue;
    if (silent) return true;
    const token = state.push('front_matter', '', 0);
    token.hidden = true;
    token.map = [0, i + 1];
    token.content = state.src.slice(state.bMarks[1], state.bMarks[i]);
    state.line = i + 1;
    return true;
  }
  return false;
}

function sourceLine(state: StateBlock, i: number): string {
  return state.src.slice(state.bMarks[i], state.eMarks[i]).replace(/^\uFEFF/, '').trimEnd();
}
