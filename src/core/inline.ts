// Inline Markdown reduced to plain text, for titles, tree labels and quote matching.

import { UNUSUAL_SPACE_CLASS } from './whiteSpace';

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

const NEEDS_WORK = /[*_`\\&<[~=\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
/** NEEDS_WORK, or white space other than a space (`\s` is these and the space). */
const NEEDS_WORK_OR_SPACE = new RegExp(`[*_\`\\\\&<[~=${UNUSUAL_SPACE_CLASS}]`);

// Each pattern stops at the next opening delimiter of its kind (a bracket text at the next `[`, a
// bold span at the next `**`), so the regex engine never rescans the rest of a long line from every
// unclosed opener: a line of a million `[` or `**a` stays linear.
const DESTINATION = '\\((?:[^()]|\\([^()]*\\))*\\)'; // one level of nested parentheses
const IMAGE = new RegExp(`!\\[([^\\][]*)\\]${DESTINATION}`, 'g');
const LINK = new RegExp(`\\[([^\\][]*)\\]${DESTINATION}`, 'g');
const REFERENCE_LINK = /\[([^\][]*)\]\[[^\][]*\]/g;
const WIKI_LINK = /\[\[([^\]|[]*)(?:\|([^\][]*))?\]\]/g;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]*)>/gi;
const TAG = /<\/?[A-Za-z][^<>]*>/g;
const STRONG = /(\*\*|__)(?=\S)((?:(?!\1)[\s\S])*?\S)\1/g;
const STRIKE = /~~(?=\S)((?:(?!~~)[\s\S])*?\S)~~/g;
const HIGHLIGHT = /==(?=\S)((?:(?!==)[\s\S])*?\S)==/g;

/** Removes inline Markdown: emphasis, code ticks, links (text kept), images (alt kept), autolinks,
 *  HTML tags, backslash escapes, basic entities, and invisible direction/zero-width characters. */
export function plainText(inline: string): string {
  // Fast path: most sentences and titles carry no inline Markdown at all, and no white space but
  // single spaces (one search for both, then one for two spaces in a row).
  if (!NEEDS_WORK_OR_SPACE.test(inline)) return inline.includes('  ') ? inline.replace(/\s+/g, ' ').trim() : inline.trim();
  if (!NEEDS_WORK.test(inline)) return /\s\s|[\t\n\r]/.test(inline) ? inline.replace(/\s+/g, ' ').trim() : inline.trim();
  // Each replacement runs only when the text holds the characters it needs (they are the same
  // replacements, in the same order: one that cannot match would change nothing).
  let s = inline;
  if (s.indexOf('[') >= 0) {
    if (s.indexOf('![') >= 0) s = s.replace(IMAGE, '$1');
    if (s.indexOf('](') >= 0) s = s.replace(LINK, '$1');
    if (s.indexOf('][') >= 0) s = s.replace(REFERENCE_LINK, '$1');
    if (s.indexOf('[[') >= 0) s = s.replace(WIKI_LINK, (_m, target: string, alias?: string) => alias ?? target);
  }
  if (s.indexOf('<') >= 0) s = s.replace(AUTOLINK, '$1').replace(TAG, '');
  if (s.indexOf('`') >= 0) s = s.replace(/`+([^`]*)`+/g, '$1');
  if (s.indexOf('**') >= 0 || s.indexOf('__') >= 0) s = s.replace(STRONG, '$2');
  if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0) s = s.replace(/(^|[^\w*])[*_](?=\S)([^*_]*?\S)[*_](?=$|[^\w*])/g, '$1$2');
  if (s.indexOf('~~') >= 0) s = s.replace(STRIKE, '$1');
  if (s.indexOf('==') >= 0) s = s.replace(HIGHLIGHT, '$1');
  if (s.indexOf('\\') >= 0) s = s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (s.indexOf('&') >= 0) {
    s = s.replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_m, name: string) => ENTITIES[name]);
    if (s.indexOf('&#') >= 0) {
      s = s
        .replace(/&#(\d{1,6});/g, (_m, d: string) => safeCodePoint(Number(d)))
        .replace(/&#x([0-9a-f]{1,6});/gi, (_m, h: string) => safeCodePoint(parseInt(h, 16)));
    }
  }
  if (HAS_INVISIBLE.test(s)) s = s.replace(INVISIBLE, '');
  if (UNUSUAL_SPACE.test(s)) s = s.replace(/\s+/g, ' ');
  return s.trim();
}

/** INVISIBLE, as a test. */
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

/** The text without invisible direction and zero-width characters (they can disguise a name). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

function safeCodePoint(cp: number): string {
  return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD';
}

/** Lower-case, emphasis-free, whitespace-collapsed form used to compare sentences and quotes. */
export function normalizeForMatch(s: string): string {
  let out = plainText(s).toLowerCase();
  // Each replacement runs only where it would change something (most sentences need neither).
  if (CURLY_QUOTE.test(out)) out = out.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  if (UNUSUAL_SPACE.test(out)) out = out.replace(/\s+/g, ' ');
  return out.trim();
}

const CURLY_QUOTE = /[“”‘’]/;
/** White space other than single spaces: what collapsing runs of `\s` to one space changes. */
const UNUSUAL_SPACE = /[^\S ]| {2}/;
