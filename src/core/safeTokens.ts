// Makes a markdown-it token stream safe whatever the instance's options (VS Code's preview may allow
// raw HTML and links of any scheme): raw HTML goes through the sanitizer, a link whose scheme is
// outside the allow-list loses its href, and such an image becomes its alt text.

import type { Token } from 'markdown-it';
import { sanitizeHtml } from './htmlSanitizer';
import { isSafeImage, isSafeLink } from './markdown';

export function neutralizeTokens(tokens: readonly Token[]): void {
  // Indexed loops: this walks every token of every render, and an iterator may allocate per step.
  for (let i = 0; i < tokens.length; i++) neutralizeToken(tokens[i]);
}

/** One token and its children. */
export function neutralizeToken(t: Token): void {
  if (t.type === 'html_block' || t.type === 'html_inline') t.content = sanitizeHtml(t.content);
  else if (t.type === 'link_open') {
    const href = t.attrGet('href');
    if (href !== null && !isSafeLink(String(href))) t.attrs = (t.attrs ?? []).filter(([name]) => name !== 'href');
  } else if (t.type === 'image') {
    const src = t.attrGet('src');
    if (src !== null && !isSafeImage(String(src))) {
      t.type = 'text';
      t.tag = '';
      t.attrs = null;
      t.children = null;
    }
  }
  if (t.children) neutralizeTokens(t.children);
}
