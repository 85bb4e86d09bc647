// An HTML safety check written independently of the code under test: every tag is parsed to its
// `>`, and what could run is reported — dangerous elements, event-handler attributes, URLs whose
// scheme is not http(s)/mailto/relative (images: http(s)/relative), unquoted or broken attributes
// (a quote break-out). Linear in the input, so it can check megabytes of output.

/** Elements that run, load or restyle something. */
const DANGEROUS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'style', 'link', 'meta',
  'base', 'form', 'input', 'button', 'textarea', 'select', 'template', 'portal', 'xmp', 'plaintext', 'noscript',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'ping']);
const LINK_SCHEMES = new Set(['', 'http', 'https', 'mailto']);
const IMAGE_SCHEMES = new Set(['', 'http', 'https']);

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_m, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_m, d: string) => safeChar(Number(d)))
    .replace(/&colon;?/gi, ':').replace(/&(?:tab|newline);?/gi, '')
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function safeChar(cp: number): string {
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
}

/** The scheme a browser would read from an attribute value. */
export function schemeOf(value: string): string {
  let s = decodeEntities(value);
  try { s = decodeURIComponent(s); } catch { /* keep it as it is */ }
  s = s.replace(/[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(s)?.[1] ?? '';
}

const ATTRIBUTE = /\s+([^\s"'=<>`/]+)(?:="([^"]*)")?|\s*\/?>/y;

/** Every unsafe thing in `html`, described; empty when it is safe. */
export function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const at = (i: number) => JSON.stringify(html.slice(i, i + 80));
  for (const tag of html.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)) {
    const name = tag[1].toLowerCase();
    if (DANGEROUS.has(name)) problems.push(`<${name}> element at ${at(tag.index)}`);
    if (tag[0][1] === '/') continue;
    ATTRIBUTE.lastIndex = tag.index + tag[0].length;
    for (;;) {
      const a = ATTRIBUTE.exec(html);
      if (!a) { problems.push(`unparsable tag (quote break-out?) at ${at(tag.index)}`); break; }
      if (a[1] === undefined) break;
      const attr = a[1].toLowerCase();
      const value = a[2] ?? '';
      if (attr.startsWith('on')) problems.push(`event handler ${attr} at ${at(tag.index)}`);
      if (attr === 'style' && /url\(|expression\(|javascript:/i.test(decodeEntities(value))) problems.push(`style ${value}`);
      if (URL_ATTRIBUTES.has(attr)) {
        const allowed = name === 'img' || name === 'source' ? IMAGE_SCHEMES : LINK_SCHEMES;
        const urls = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) if (!allowed.has(schemeOf(url))) problems.push(`${attr}="${value}" on <${name}>`);
      }
    }
  }
  return problems;
}

/** The body of a standalone page, and problems with its head (anything but our CSP, charset,
 *  viewport, title and style). */
export function pageParts(page: string): { head: string[]; body: string } {
  const headEnd = page.indexOf('</head>');
  const bodyStart = page.indexOf('<body>');
  if (headEnd < 0 || bodyStart < 0) return { head: ['no head or body'], body: page };
  const head = page.slice(0, headEnd);
  const problems: string[] = [];
  if (/<script/i.test(head)) problems.push('script in head');
  const title = /<title>([\s\S]*?)<\/title>/.exec(head)?.[1] ?? '';
  if (/[<>]/.test(title)) problems.push(`title not escaped: ${title}`);
  const tags = [...head.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());
  for (const t of tags) if (!['html', 'head', 'meta', 'title', 'style'].includes(t)) problems.push(`<${t}> in head`);
  return { head: problems, body: page.slice(bodyStart) };
}
