// The one markdown-it setup of Paper Study, shared by the study panel and HTML export (VS Code's
// built-in preview brings its own instance and only receives the plugin). Raw HTML is off, and links
// and images pass a scheme allow-list.

import markdownIt from 'markdown-it';
import type { MarkdownIt, StateBlock, Token } from 'markdown-it';

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
  const s = decodeForCheck(url).replace(IGNORED, '').toLowerCase();
  return SCHEME.exec(s)?.[1] ?? '';
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

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const md = markdownIt({ html: false, linkify: options.linkify ?? true, typographer: false, breaks: options.breaks ?? false });
  md.validateLink = isSafeLink;
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
  return md;
}

/** YAML front matter (`---` on the first line up to `---` or `...`) is metadata, not content: it
 *  becomes a token that renders nothing, as in VS Code's preview. */
function frontMatter(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.blkIndent !== 0) return false;
  const line = (i: number) => state.src.slice(state.bMarks[i], state.eMarks[i]).replace(/^\uFEFF/, '').trimEnd();
  if (line(0) !== '---') return false;
  for (let i = 1; i < endLine; i++) {
    const t = line(i);
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
