// Front matter metadata (YAML between `---` fences), read with a real YAML parser.

import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { PaperMeta } from './model';
import { plainText } from './inline';

export interface FrontMatter {
  readonly title?: string;
  /** 0-based index of the `title:` line, relative to the first YAML line. */
  readonly titleLineOffset?: number;
  readonly meta: PaperMeta;
  /** Set when the YAML could not be read. */
  readonly error?: string;
}

function asStrings(v: unknown): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const out = v.filter((x) => x !== null && x !== undefined && typeof x !== 'object').map((x) => plainText(String(x))).filter(Boolean);
    return out.length ? out : undefined;
  }
  if (typeof v === 'string') {
    // Blank runs collapsed first: `\s*,` tried at every position of a long run is quadratic.
    const parts = v.replace(/\s+/g, ' ').split(/\s*[,;]\s*|\s+and\s+/).map((x) => plainText(x)).filter(Boolean);
    return parts.length ? parts : undefined;
  }
  if (typeof v === 'number') return [String(v)];
  return undefined;
}

function asString(v: unknown): string | undefined {
  if (typeof v === 'string') return plainText(v) || undefined;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date && !isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

function pick(obj: Record<string, unknown>, ...keys: string[]): unknown {
  for (const k of keys) {
    for (const actual of Object.keys(obj)) if (actual.toLowerCase() === k) return obj[actual];
  }
  return undefined;
}

/** Reads title and metadata (authors, year, tags, url) from front matter YAML. */
export function readFrontMatter(yaml: string): FrontMatter {
  let data: unknown;
  try {
    // js-yaml keeps aliases as shared references (no expansion), so alias bombs stay small.
    // The core schema: dates stay text (read below like any text), no merge keys or binary tags.
    data = loadYaml(yaml, { schema: CORE_SCHEMA, json: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { meta: {}, error: `front matter is not valid YAML: ${msg}` };
  }
  if (data === null || data === undefined) return { meta: {} };
  if (typeof data !== 'object' || Array.isArray(data)) return { meta: {}, error: 'front matter is not a YAML mapping' };
  const obj = data as Record<string, unknown>;
  const title = asString(pick(obj, 'title'));
  const tags = asStrings(pick(obj, 'tags', 'tag', 'keywords'))?.map((t) => t.replace(/^#/, ''));
  const doi = asString(pick(obj, 'doi'));
  const url = asString(pick(obj, 'url', 'link', 'arxiv', 'source', 'paper')) ?? (doi ? `https://doi.org/${doi}` : undefined);
  let year = asString(pick(obj, 'year'));
  if (!year) {
    const date = asString(pick(obj, 'date', 'published'));
    const m = date ? /\b(1[89]\d\d|2\d\d\d)\b/.exec(date) : null;
    if (m) year = m[1];
  }
  const meta: PaperMeta = {
    ...(asStrings(pick(obj, 'authors', 'author')) ? { authors: asStrings(pick(obj, 'authors', 'author')) } : {}),
    ...(year ? { year } : {}),
    ...(tags ? { tags } : {}),
    ...(url && /^(https?:|doi:)/i.test(url) ? { url } : {}),
  };
  let titleLineOffset: number | undefined;
  if (title) {
    const idx = yaml.split(/\r\n|\n|\r/).findIndex((l) => /^title\s*:/i.test(l));
    if (idx >= 0) titleLineOffset = idx;
  }
  return { title, titleLineOffset, meta };
}
