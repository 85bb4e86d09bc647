// A paper's critique digest as Markdown (the same in every Markdown flavour): a heading one level
// below the paper's, a bold label per kind, and a list of items linked to their source line.

import { DIGEST_TITLE, EMPTY_GROUP, NO_CRITIQUE, type PaperDigest } from './digest';

/** The digest's lines, joined with `eol`, without a trailing line break. */
export function markdownDigest(digest: PaperDigest, fileName: string, eol: string): string {
  const out = [`${'#'.repeat(digest.level)} ${DIGEST_TITLE}`, ''];
  if (!digest.hasCritique) {
    out.push(NO_CRITIQUE);
    return out.join(eol);
  }
  const file = encodePath(fileName);
  digest.groups.forEach((g, k) => {
    if (k > 0) out.push('');
    out.push(`**${g.label}**`, '');
    if (g.items.length === 0) out.push(EMPTY_GROUP);
    for (const item of g.items) out.push(`- ${escapeMarkdown(item.text)} ([L${item.line}](${file}#L${item.line}))`);
  });
  return out.join(eol);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A relative path as a link destination: each segment percent-encoded, `/` kept. */
export function encodePath(fileName: string): string {
  // A lone surrogate (possible in Windows file names) would make encodeURIComponent throw.
  return fileName.replace(LONE_SURROGATE, '\uFFFD').split('/').map((seg) => encodeURIComponent(seg).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

/** Plain text made inert as Markdown inline content at the start of a list item. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>$]/g, '\\$&')
    .replace(/([=~])(?=\1)/g, '\\$1')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
