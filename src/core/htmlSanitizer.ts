// Raw HTML written in a Markdown file, reduced to harmless markup. VS Code's Markdown preview may
// run markdown-it with `html: true`, and a summary may come from someone else: the Paper Study
// plugin passes every raw HTML token through this allow-list. Presentational elements keep a few
// attributes (link and image URLs pass the same scheme allow-list as Markdown links); every other
// tag is shown as text, comments are dropped. One left-to-right pass: linear in the input.

import { isSafeImage, isSafeLink } from './markdown';

const ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup',
  'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's',
  'samp', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
]);

/** Attributes any allowed element may keep (no ids or names: they could clobber page globals). */
const ATTRIBUTES = new Set([
  'title', 'alt', 'align', 'valign', 'width', 'height', 'colspan', 'rowspan', 'open', 'start', 'reversed',
  'lang', 'dir', 'datetime', 'media', 'type',
]);

/** A whole start or end tag. Names and values exclude `<` and `>`, so a failed attempt ends at the
 *  next one of them and the scan stays linear. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'=<>`]+)))?/g;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/** `html` with every element and attribute outside the allow-list made harmless. */
export function sanitizeHtml(html: string): string {
  let out = '';
  let i = 0;
  let commentEnd = -2; // where the next `-->` is (-1: none), looked up once per comment
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    out += escapeText(html.slice(i, textEnd));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      if (commentEnd !== -1 && commentEnd < lt) commentEnd = html.indexOf('-->', lt + 4);
      if (commentEnd >= 0) { i = commentEnd + 3; continue; }
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (tag && ELEMENTS.has(tag[2].toLowerCase())) {
      out += tag[1] ? `</${tag[2].toLowerCase()}>` : startTag(tag[2].toLowerCase(), tag[3]);
      i = TAG.lastIndex;
    } else {
      out += '&lt;';
      i = lt + 1;
    }
  }
  return out;
}

function startTag(name: string, attributes: string): string {
  let out = `<${name}`;
  for (const m of attributes.matchAll(ATTRIBUTE)) {
    const attr = m[1].toLowerCase();
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (!allowed(name, attr, value)) continue;
    out += ` ${attr}="${escapeValue(value)}"`;
  }
  return out + '>';
}

function allowed(element: string, attr: string, value: string): boolean {
  if (attr === 'href') return element === 'a' && isSafeLink(value);
  if (attr === 'src') return (element === 'img' || element === 'source') && isSafeImage(value);
  if (attr === 'srcset') return (element === 'img' || element === 'source') && value.split(',').every((c) => isSafeImage(c.trim().split(/\s+/)[0] ?? ''));
  return ATTRIBUTES.has(attr);
}

/** Text between tags: `<` and `>` escaped, `&` escaped unless it starts a character reference. */
function escapeText(text: string): string {
  let out = '';
  let from = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c !== 38 /* & */ && c !== 60 /* < */ && c !== 62 /* > */) continue;
    if (c === 38) {
      ENTITY.lastIndex = k;
      if (ENTITY.test(text)) continue;
    }
    out += text.slice(from, k) + (c === 38 ? '&amp;' : c === 60 ? '&lt;' : '&gt;');
    from = k + 1;
  }
  return out + text.slice(from);
}

/** An attribute value as written (character references kept) inside double quotes. */
function escapeValue(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
