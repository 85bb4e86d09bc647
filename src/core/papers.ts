// Finds the papers of a Markdown document and their sections, without configuration:
// collection files (a title, a byline, one heading per paper) and one-paper files (titled by their
// first heading, front matter `title:`, a `Title:` bullet, or a heading that is a link).

import type { Paper, PaperMeta, Section, SectionRole } from './model';
import type { ScanResult, ScannedHeading } from './blocks';
import { readFrontMatter } from './frontMatter';
import { plainText, stripInvisible } from './inline';
import { sectionRoleOfHeading } from './critique';
import { isWhiteSpace } from './whiteSpace';

export interface PaperDetection {
  readonly papers: Paper[];
  readonly problems: string[];
}

/** Headings that structure a summary but never name a paper. */
const NOT_A_PAPER = new RegExp('^(?:\\d+[.)]?\\s*|\\(\\d+\\)\\s*)?(?:' + [
  'about', 'introduction', 'intro', 'background', 'related work', 'prior work', 'motivation', 'methods?', 'methodology',
  'approach', 'experiments?', 'experimental setup', 'evaluation', 'results?', 'discussion', 'conclusions?', 'implementation',
  'architecture', 'datasets?', 'data', 'setup', 'training', 'model', 'overview', 'contributions?', 'main contributions?',
  'key (?:ideas?|points?|takeaways?|insights?|findings?)', 'takeaways?', 'appendix', 'index', 'changelog', 'license', 'todo',
  'reading list', 'rough chapter-wise notes', 'chapter-wise notes', 'details', 'problem', 'problem statement', 'analysis',
  'ablations?', 'ablation stud(?:y|ies)', 'links?', 'resources', 'code', 'tags', 'metadata', 'authors?', 'citation',
  'how', 'what', 'why', 'results and discussion', 'my notes', 'highlights', 'quotes', 'definitions', 'terminology',
].join('|') + ')\\s*:?$', 'i');

const BYLINE = /^(?:by|written by|authors?:|notes by|summar(?:y|ies) by)\s/i;
const COLLECTION_WORDS = /\b(?:papers|summaries|reading|readings|notes|literature|reviews|bibliography|journal club)\b/i;
// The bullets are matched on the line without trailing blanks: a lazy value followed by `[ \t]*$`
// would backtrack quadratically over a long run of blanks inside the line.
const TITLE_BULLET = /^[ \t]*[-*+][ \t]+(?:\*\*|__)?title(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*(\S[^]*)$/i;
const META_BULLET = /^[ \t]*[-*+][ \t]+(?:\*\*|__)?(authors?|year|tags|link|url|arxiv)(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*(\S[^]*)$/i;
/** A Markdown link; its text stops at the next `[`, so unclosed brackets never rescan the line. */
const INLINE_LINK = /\[[^\][]*\]\((?:[^()]|\([^()]*\))*\)/g;
const LINK_HEADING = /^\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)\s*$/;

export function headingRole(text: string): SectionRole {
  const role = sectionRoleOfHeading(text);
  if (role !== 'other') return role;
  return NOT_A_PAPER.test(text.trim()) ? 'summary' : 'other';
}

interface Candidate {
  heading: ScannedHeading;
  index: number;
  hasBody: boolean;
}

function lineText(text: string, scan: ScanResult, i: number): string {
  return text.slice(i === 0 ? scan.contentStart : scan.lines.starts[i], scan.lines.ends[i]);
}

/** True for headings that are probably a paper's title rather than a topic or section. */
function looksLikePaperTitle(h: ScannedHeading): boolean {
  if (LINK_HEADING.test(h.raw)) return true;
  const { text } = h;
  if (hasThreeWords(text) || /[:\d]/.test(text)) return true;
  // Two capitals after the first word.
  FIRST_WORD.lastIndex = 0;
  FIRST_WORD.test(text);
  TWO_CAPITALS.lastIndex = FIRST_WORD.lastIndex;
  return TWO_CAPITALS.test(text);
}

const FIRST_WORD = /^\S*\s*/g;
const TWO_CAPITALS = /[A-Z].*[A-Z]/g;

/** Whether `text` has three or more words (runs of non-white-space). */
function hasThreeWords(text: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (!space && !inWord && ++words >= 3) return true;
    inWord = !space;
  }
  return false;
}

/** Whether TITLE_BULLET or META_BULLET may match the line text[from, to): after its bullet, the
 *  blanks and an optional `**` or `__`, one of their keys must start (with t, a, y, l or u). */
function mayBeMetaBullet(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  const bullet = i < to ? text.charCodeAt(i) : -1;
  if (bullet !== 45 && bullet !== 42 && bullet !== 43) return false;
  const afterBullet = ++i;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  if (i === afterBullet) return false;
  const c = text.charCodeAt(i);
  if ((c === 42 || c === 95) && i + 1 < to && text.charCodeAt(i + 1) === c) i += 2;
  if (i >= to) return false;
  const letter = text.charCodeAt(i) | 32;
  return letter === 116 || letter === 97 || letter === 121 || letter === 108 || letter === 117;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isLinkListItem(s: string): boolean {
  if (s.indexOf('](') < 0) return false;
  const rest = s.replace(INLINE_LINK, '').replace(/`[^`]*`/g, '').replace(/[*_()[\]-]/g, ' ');
  return s.indexOf('](') >= 0 && rest.trim().split(/\s+/).filter((w) => /[a-z]/i.test(w)).length <= 4;
}

export function detectPapers(text: string, scan: ScanResult, fileName?: string): PaperDetection {
  const problems: string[] = [];
  const { headings, blocks, lines } = scan;
  const docEnd = text.length;
  const bodyStart = scan.frontMatter ? (lines.starts[scan.frontMatter.lastLine + 1] ?? docEnd) : scan.contentStart;

  const fm = scan.frontMatter ? readFrontMatter(scan.frontMatter.yaml) : undefined;
  if (fm?.error) problems.push(fm.error);

  // Index blocks by heading interval: which blocks sit between heading k and heading k+1.
  const roles = headings.map((h) => headingRole(h.text));
  const blocksAfter: number[] = new Array(headings.length + 1).fill(0);
  const linkItemsAfter: number[] = new Array(headings.length + 1).fill(0);
  {
    let k = 0;
    // The next `](` at or after the line being looked at (-2: not searched yet; -1: none left): a
    // list item can be a link only where its line has one.
    let nextLink = -2;
    for (const b of blocks) {
      while (k < headings.length && headings[k].lineIndex < b.firstLine) k++;
      // blocks before heading k belong to the interval after heading k-1 (index k).
      blocksAfter[k]++;
      if (b.kind !== 'list-item') continue;
      const from = b.firstLine === 0 ? scan.contentStart : lines.starts[b.firstLine];
      if (nextLink !== -1 && nextLink < from) nextLink = text.indexOf('](', from);
      if (nextLink >= 0 && nextLink < lines.ends[b.firstLine] && isLinkListItem(lineText(text, scan, b.firstLine))) linkItemsAfter[k]++;
    }
  }

  // Metadata bullets (`* **Title**: …`, `* **Authors**: …`) in the first part of a file.
  let bulletTitle: { title: string; line: number } | undefined;
  const bulletMeta: { authors?: string[]; year?: string; tags?: string[]; url?: string } = {};
  for (let k = 0; k < blocks.length && k < 60; k++) {
    const b = blocks[k];
    if (b.kind !== 'list-item' || !mayBeMetaBullet(text, b.firstLine === 0 ? scan.contentStart : lines.starts[b.firstLine], lines.ends[b.firstLine])) continue;
    const s = lineText(text, scan, b.firstLine).trimEnd();
    const t = TITLE_BULLET.exec(s);
    if (t && !bulletTitle) { bulletTitle = { title: plainText(t[1]), line: b.firstLine + 1 }; continue; }
    const m = META_BULLET.exec(s);
    if (m) {
      const key = m[1].toLowerCase();
      const value = plainText(m[2]);
      if (key.startsWith('author')) bulletMeta.authors = value.split(/\s*,\s*|\s+and\s+/).filter(Boolean);
      else if (key === 'year') bulletMeta.year = value;
      else if (key === 'tags') bulletMeta.tags = value.split(/\s*,\s*/).filter(Boolean);
      else { const u = /(https?:\/\/\S+?)[)>\]]?$/.exec(m[2]); if (u) bulletMeta.url = u[1]; }
    }
  }

  // Candidates: headings that may name a paper.
  const candidates: Candidate[] = [];
  headings.forEach((h, k) => {
    if (roles[k] !== 'other' || BYLINE.test(h.text) || !h.text) return;
    // Direct body: blocks until the next heading that is not a section of it.
    let body = blocksAfter[k + 1] - linkItemsAfter[k + 1];
    for (let j = k + 1; j < headings.length && headings[j].level > h.level && roles[j] !== 'other'; j++) {
      body += blocksAfter[j + 1] - linkItemsAfter[j + 1];
    }
    candidates.push({ heading: h, index: k, hasBody: body > 0 });
  });

  const onePaper = (title: string, line: number, titleFrom: Paper['titleFrom'], heading?: ScannedHeading, meta: PaperMeta = {}): Paper[] => {
    const start = heading ? Math.min(heading.start, bodyStart) : bodyStart;
    return [makePaper(text, scan, title, line, titleFrom, heading, start, docEnd, meta, roles)];
  };
  const mergedMeta = (h?: ScannedHeading): PaperMeta => {
    const link = h ? LINK_HEADING.exec(h.raw) : null;
    const url = fm?.meta.url ?? bulletMeta.url ?? (link && /^https?:/i.test(link[2]) ? link[2] : undefined);
    return {
      ...bulletMeta,
      ...fm?.meta,
      ...(url ? { url } : {}),
    };
  };

  // 1. Front matter title or a Title bullet: one paper per file.
  if (fm?.title) {
    const h = candidates.find((c) => c.heading.text === fm.title)?.heading;
    const line = scan.frontMatter!.firstLine + 2 + (fm.titleLineOffset ?? 0);
    return { papers: onePaper(fm.title, line, 'front-matter', h, mergedMeta(h)), problems };
  }
  if (bulletTitle) {
    return { papers: onePaper(bulletTitle.title, bulletTitle.line, 'title-bullet', undefined, mergedMeta()), problems };
  }

  // 2. A collection: the shallowest level with two or more paper-like headings that have a body.
  for (let level = 1; level <= 6; level++) {
    const atLevel = candidates.filter((c) => c.heading.level === level);
    const withBody = atLevel.filter((c) => c.hasBody);
    if (withBody.length < 2) continue;
    const paperLike = atLevel.filter((c) => looksLikePaperTitle(c.heading)).length;
    const parent = candidates.find((c) => c.heading.level < level);
    if (paperLike * 2 < atLevel.length && !(parent && COLLECTION_WORDS.test(parent.heading.text))) continue;
    const papers = atLevel.map((c) => {
      const end = paperEnd(c.index, headings, roles, docEnd);
      return makePaper(text, scan, c.heading.text, c.heading.line, 'heading', c.heading, c.heading.start, end, mergedMetaFor(c.heading), roles);
    });
    return { papers, problems };
  }

  // 3. One paper titled by its first paper-like heading (with a body, or any).
  const first = candidates.find((c) => c.hasBody) ?? candidates[0];
  if (first && (first.hasBody || roles.some((r) => r === 'strength' || r === 'weakness' || r === 'question' || r === 'idea'))) {
    return { papers: onePaper(first.heading.text, first.heading.line, 'heading', first.heading, mergedMeta(first.heading)), problems };
  }
  // 4. Only section headings (Summary, Strengths, …): the file is the paper, titled by its name.
  const paperSections = headings.some((h) => ['strength', 'weakness', 'summary'].includes(sectionRoleOfHeading(h.text)));
  if (fileName && paperSections && !/^(readme|index|changelog|license|contributing)\b/i.test(fileName.replace(/^.*[\\/]/, ''))) {
    const base = stripInvisible(fileName.replace(/^.*[\\/]/, '').replace(/\.(md|markdown)$/i, '').replace(/[_]+/g, ' ')).trim();
    if (base) return { papers: onePaper(base, 1, 'file-name'), problems };
  }
  return { papers: [], problems };

  function mergedMetaFor(h: ScannedHeading): PaperMeta {
    const link = LINK_HEADING.exec(h.raw);
    return link && /^https?:/i.test(link[2]) ? { url: link[2] } : {};
  }
}

/** A paper ends at the next heading of the same or a higher level that is not one of its sections. */
function paperEnd(k: number, headings: readonly ScannedHeading[], roles: readonly SectionRole[], docEnd: number): number {
  const level = headings[k].level;
  for (let j = k + 1; j < headings.length; j++) {
    const h = headings[j];
    if (h.level < level || (h.level === level && (roles[j] === 'other' || roles[j] === 'references'))) return h.start;
  }
  return docEnd;
}

function makePaper(
  text: string, scan: ScanResult, title: string, line: number, titleFrom: Paper['titleFrom'],
  heading: ScannedHeading | undefined, start: number, end: number, meta: PaperMeta, roles: readonly SectionRole[],
): Paper {
  const { headings } = scan;
  const sections: Section[] = [];
  // Headings are in document order: visit only those inside [start, end).
  let first = 0, hi = headings.length;
  while (first < hi) { const mid = (first + hi) >> 1; if (headings[mid].start < start) first = mid + 1; else hi = mid; }
  for (let k = first; k < headings.length && headings[k].start < end; k++) {
    const h = headings[k];
    if (h === heading) continue;
    let sEnd = end;
    for (let j = k + 1; j < headings.length && headings[j].start < end; j++) {
      if (headings[j].level <= h.level) { sEnd = headings[j].start; break; }
    }
    sections.push({
      heading: h, role: roles[k], line: h.line, endLine: lastContentLine(text, scan, sEnd),
      start: h.start, end: sEnd,
    });
  }
  return {
    title, line, titleFrom, start, end, endLine: lastContentLine(text, scan, end), sections, meta,
    ...(heading ? { heading: stripScan(heading) } : {}),
  };
}

/** 1-based line of the last non-blank line before `end` (the line of `end` itself if none). */
function lastContentLine(text: string, scan: ScanResult, end: number): number {
  const { starts } = scan.lines;
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] < end) lo = mid; else hi = mid - 1; }
  let i = lo;
  while (i > 0 && text.slice(starts[i], scan.lines.ends[i]).trim() === '') i--;
  return i + 1;
}

function stripScan(h: ScannedHeading) {
  return { level: h.level, raw: h.raw, text: h.text, line: h.line, start: h.start, end: h.end, setext: h.setext };
}
