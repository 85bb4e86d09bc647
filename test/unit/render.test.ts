import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import markdownIt from 'markdown-it';
import { createMarkdown, isSafeImage, isSafeLink } from '../../src/core/markdown';
import { isHighlighted, paperStudyPlugin, renderDocument } from '../../src/core/markdownPlugin';
import { plainText } from '../../src/core/inline';
import { buildLineTable, lineOfOffset } from '../../src/core/lines';
import type { ClassifiedSentence, CritiqueKind, DocumentIndex, Note, SentenceKind } from '../../src/core/model';

const fixtures = path.join(__dirname, '..', 'fixtures');
const founding = fs.readFileSync(path.join(fixtures, 'paper-summaries.md'), 'utf8');
const structured = fs.readFileSync(path.join(fixtures, 'structured-notes.md'), 'utf8');

// ---- helpers ---------------------------------------------------------------------------------

function lineAt(src: string, offset: number): number {
  return lineOfOffset(buildLineTable(src), offset);
}

/** An index of `src` built by hand: each sentence found in order by its exact source text. */
function handIndex(
  src: string,
  sentences: readonly [text: string, kind: SentenceKind, cue?: string][],
  notes: readonly Note[] = [],
): DocumentIndex {
  const lines = buildLineTable(src);
  let from = 0;
  const list: ClassifiedSentence[] = sentences.map(([text, kind, cue], k) => {
    const start = src.indexOf(text, from);
    assert.ok(start >= 0, `fixture sentence not found: ${text}`);
    from = start + text.length;
    return {
      text: text.replace(/\s+/g, ' '), start, end: start + text.length,
      line: lineOfOffset(lines, start), endLine: lineOfOffset(lines, start + text.length - 1),
      paper: 0, block: k, blockType: 'paragraph', kind, source: kind === 'neutral' ? 'none' : 'prose', cue: cue ?? (kind === 'neutral' ? '' : 'cue'),
    };
  });
  return { papers: [], sentences: list, notes, eol: '\n', bom: false, lineCount: src.split('\n').length };
}

function handNote(src: string, head: string, kind: CritiqueKind, rawKind: string, title: string): Note {
  const start = src.indexOf(head);
  assert.ok(start >= 0);
  const line = lineAt(src, start);
  return { kind, rawKind, fold: '', title, body: '', line, endLine: line, paper: -1, depth: 1, start, end: start + head.length };
}

function render(src: string, index: DocumentIndex, md = createMarkdown()): string {
  md.use(paperStudyPlugin);
  return md.render(src, { paperStudyIndex: index });
}

/** Fails unless every tag opened is closed in order (void elements aside). */
function assertWellNested(html: string): void {
  const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr']);
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*>/g)) {
    const name = m[2].toLowerCase();
    if (VOID.has(name)) continue;
    if (m[1]) assert.equal(stack.pop(), name, `</${name}> closes the wrong element in:\n${html}`);
    else stack.push(name);
  }
  assert.deepEqual(stack, [], 'unclosed elements');
}

function marks(html: string): { kind: string; text: string; attrs: string }[] {
  return [...html.matchAll(/<mark([^>]*)>([\s\S]*?)<\/mark>/g)].map((m) => ({
    attrs: m[1], kind: /data-kind="([^"]*)"/.exec(m[1])?.[1] ?? '', text: decodeEntities(m[2].replace(/<[^>]*>/g, '')),
  }));
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The scheme a browser would see, checked independently of the implementation under test. */
function schemeOf(url: string): string {
  let s = decodeEntities(url);
  try { s = decodeURIComponent(s); } catch { /* keep */ }
  s = s.replace(/[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\ufeff]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(s)?.[1] ?? '';
}

/** A real attribute-level check of every tag: no dangerous element, no event handler, no quote
 *  break-out (all values quoted), and only allowed URL schemes in href/src. */
function assertSafeHtml(html: string): void {
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<\/?(?:iframe|svg|object|embed|style|link|meta|base|form|math|frame|frameset)\b/i);
  // Escaped text never holds `<` + letter, so each such place opens a real tag: parse it to its `>`.
  const ATTR = /\s+([^\s"'=<>`/]+)(?:="([^"]*)")?|\s*\/?>/y;
  for (const tag of html.matchAll(/<([a-zA-Z][\w-]*)/g)) {
    const name = tag[1].toLowerCase();
    ATTR.lastIndex = tag.index + tag[0].length;
    for (;;) {
      const a = ATTR.exec(html);
      assert.ok(a, `unparsable tag (quote break-out?) at: ${html.slice(tag.index, tag.index + 80)}`);
      if (a[1] === undefined) break;
      assert.doesNotMatch(a[1], /^on/i, `event handler attribute: ${a[0]}`);
      if (/^(?:href|src|xlink:href|action|formaction|srcset)$/i.test(a[1])) {
        const scheme = schemeOf(a[2] ?? '');
        const allowed = name === 'img' ? ['', 'http', 'https'] : ['', 'http', 'https', 'mailto'];
        assert.ok(allowed.includes(scheme), `dangerous ${a[0]}`);
      }
    }
  }
}

// ---- the markdown-it setup -------------------------------------------------------------------

describe('render: the shared markdown-it setup', () => {
  it('escapes raw HTML, linkifies bare URLs and leaves quotes alone', () => {
    const md = createMarkdown();
    const html = md.render('<b>x</b> see https://example.org/a "quoted" -- done');
    assert.match(html, /&lt;b&gt;x&lt;\/b&gt;/);
    assert.match(html, /<a href="https:\/\/example.org\/a" rel="noopener noreferrer">https:\/\/example.org\/a<\/a>/);
    assert.match(html, /&quot;quoted&quot; -- done/);
  });

  it('adds rel="noopener noreferrer" to external links only', () => {
    const html = createMarkdown().render('[a](https://x.org) [b](./local.md) [c](#top) [d](mailto:a@b.org)');
    assert.match(html, /<a href="https:\/\/x.org" rel="noopener noreferrer">a<\/a>/);
    assert.match(html, /<a href="\.\/local.md">b<\/a>/);
    assert.match(html, /<a href="#top">c<\/a>/);
    assert.match(html, /<a href="mailto:a@b.org">d<\/a>/);
  });

  it('hides YAML front matter', () => {
    const html = createMarkdown().render('---\ntitle: X\nyear: 2020\n---\n\n# Heading\n');
    assert.doesNotMatch(html, /title: X|<hr/);
    assert.match(html, /<h1>Heading<\/h1>/);
  });

  it('link policy: allows http(s), mailto, relative and anchors; rejects every other scheme', () => {
    for (const ok of ['https://x.org', 'http://x.org/a?b#c', 'mailto:a@b.org', 'notes/a.md', '../a.md', '#L12', '/abs', '//cdn.org/x', 'a%20b.md']) {
      assert.ok(isSafeLink(ok), ok);
    }
    for (const bad of [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java%09script:alert(1)',
      '%6Aavascript:alert(1)', '&#106;avascript:alert(1)', '&#x6A;avascript:alert(1)', 'javascript&colon;alert(1)',
      'vbscript:msgbox', 'data:text/html,<script>', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'command:workbench.action.quit',
      'vscode:extension/x', 'ftp://x.org', 'chrome://settings', '\u0000javascript:alert(1)', 'jav\u200bascript:alert(1)',
    ]) {
      assert.ok(!isSafeLink(bad), bad);
    }
    assert.ok(isSafeImage('https://x.org/a.png') && isSafeImage('img/a.png'));
    assert.ok(!isSafeImage('mailto:a@b.org') && !isSafeImage('data:image/png;base64,AAAA') && !isSafeImage('file:///a.png'));
  });
});

describe('render: security', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.org"></iframe>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](&#x6a;avascript&#x3a;alert(1))',
    '[x](<java\tscript:alert(1)>)',
    '<javascript:alert(1)>',
    '<JAVASCRIPT:alert(1)>',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](file:///etc/passwd)',
    '[x](command:workbench.action.terminal.new)',
    '[x](vscode:extension/evil.ext)',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '![y](javascript:alert(1))',
    '![y](mailto:a@b.org)',
    '![y](data:image/svg+xml;base64,PHN2Zz4=)',
    '[x](https://ok.org "title\\" onmouseover=\\"alert(1)")',
    '[x](https://ok.org \'t" onmouseover="alert(1)\')',
    '![alt" onerror="alert(1)](https://ok.org/a.png)',
    '# "><script>alert(1)</script>',
    '# \'><img src=x onerror=alert(1)>',
    '> [!weakness] "><script>alert(1)</script>\n> body <svg onload=alert(1)>',
    '> [!"><script>alert(1)</script>] title',
    '> [!WARNING]\n> [x](javascript:alert(1))',
    'Trailing <a href="javascript:alert(1)">x</a> and <div onclick="alert(1)">y</div>.',
  ];

  for (const attack of attacks) {
    it(`neutralises ${JSON.stringify(attack).slice(0, 70)}`, () => {
      const text = `# Paper: A Safe Study\n\nThis is a weakness of the paper. ${attack}\n\n${attack}\n`;
      const { html } = renderDocument(text);
      assertSafeHtml(html);
    });
  }

  it('escapes every attribute the plugin writes, even on an instance with html: true', () => {
    const src = 'It is bad. Fine.\n\n> [!x"><b] T\n';
    const index = handIndex(src, [['It is bad.', 'weakness', '"><script>alert(1)</script> onmouseover="x"']],
      [handNote(src, '> [!x"><b] T', 'note', 'x"><b onmouseover="alert(1)', 'T')]);
    const html = render(src, index, markdownIt({ html: true }));
    assertSafeHtml(html);
    assert.match(html, /title="Weakness — &quot;&gt;&lt;script&gt;/);
    assert.match(html, /<span class="ps-callout-label">x&quot;&gt;&lt;b onmouseover=&quot;alert\(1\)<\/span>/);
  });

  it('the security harness itself catches what it should', () => {
    assert.throws(() => assertSafeHtml('<p><a href="javascript:alert(1)">x</a></p>'));
    assert.throws(() => assertSafeHtml('<p><a href="&#106;avascript:x">x</a></p>'));
    assert.throws(() => assertSafeHtml('<img src="x" onerror="alert(1)">'));
    assert.throws(() => assertSafeHtml('<p title="a" onclick="b">x</p>'));
    assert.throws(() => assertSafeHtml('<a title="x" y" onclick=z>q</a>'));
    assert.throws(() => assertSafeHtml('<img src="mailto:a@b.org">'));
    assert.doesNotThrow(() => assertSafeHtml('<p title="on x=y">a &lt;script&gt;</p><img src="https://x.org/a.png" alt="a">'));
  });
});

// ---- the plugin: hand-built indexes ---------------------------------------------------------

describe('render: critique marks', () => {
  it('wraps critique sentences and leaves neutral ones alone', () => {
    const src = 'Alpha is good. Beta is neutral. Gamma is bad.\n';
    const html = render(src, handIndex(src, [['Alpha is good.', 'strength', 'good'], ['Beta is neutral.', 'neutral'], ['Gamma is bad.', 'weakness', 'bad']]));
    assert.equal(html,
      '<p data-line="1"><mark class="ps-mark ps-kind-strength" data-kind="strength" data-source="prose" data-line="1" title="Strength — good">Alpha is good.</mark>'
      + ' Beta is neutral. '
      + '<mark class="ps-mark ps-kind-weakness" data-kind="weakness" data-source="prose" data-line="1" title="Weakness — bad">Gamma is bad.</mark></p>\n');
  });

  it('keeps the HTML well nested across emphasis, links, code spans and line breaks', () => {
    const src = 'Alpha is *really* good. Beta is bad, [see](https://x.org) and `co de` here.\nGamma goes\non here. Delta.\n';
    const html = render(src, handIndex(src, [
      ['Alpha is *really* good.', 'strength'], ['Beta is bad, [see](https://x.org) and `co de` here.', 'weakness'],
      ['Gamma goes\non here.', 'question'], ['Delta.', 'neutral'],
    ]));
    assertWellNested(html);
    assert.deepEqual(marks(html).map((m) => [m.kind, m.text]), [
      ['strength', 'Alpha is really good.'], ['weakness', 'Beta is bad, see and co de here.'], ['question', 'Gamma goes\non here.'],
    ]);
    assert.match(html, /<mark[^>]*>Alpha is <em>really<\/em> good.<\/mark>/);
    assert.match(html, /<mark[^>]*>Beta is bad, <a href="https:\/\/x.org" rel="noopener noreferrer">see<\/a> and <code>co de<\/code> here.<\/mark>/);
  });

  it('splits a mark where a sentence starts or ends inside emphasis', () => {
    const src = 'Intro. *One weak point. Another strong one.* Outro **bold start. End** here.\n';
    const html = render(src, handIndex(src, [
      ['Intro.', 'neutral'], ['*One weak point.', 'weakness'], ['Another strong one.*', 'strength'],
      ['Outro **bold start.', 'question'], ['End** here.', 'idea'],
    ]));
    assertWellNested(html);
    assert.deepEqual(marks(html).map((m) => [m.kind, m.text]), [
      ['weakness', 'One weak point.'], ['strength', 'Another strong one.'], ['question', 'Outro '], ['question', 'bold start.'],
      ['idea', 'End'], ['idea', ' here.'],
    ]);
  });

  it('finds sentences whose source differs from the rendered text (escapes, entities, autolinks)', () => {
    const src = 'They mask a \\[MASK\\] token &amp; fail. See <https://x.org/a> for more, it is weak.\n';
    const html = render(src, handIndex(src, [
      ['They mask a \\[MASK\\] token &amp; fail.', 'weakness'], ['See <https://x.org/a> for more, it is weak.', 'weakness'],
    ]));
    assertWellNested(html);
    assert.deepEqual(marks(html).map((m) => m.text), ['They mask a [MASK] token & fail.', 'See https://x.org/a for more, it is weak.']);
  });

  it('skips sentences inside notes (their callout shows the kind) and sentences it cannot find', () => {
    const src = 'Visible text here.\n\n> [!weakness] Title\n> Body sentence is bad.\n';
    const index = handIndex(src, [['Visible text here.', 'strength'], ['Body sentence is bad.', 'weakness']], [handNote(src, '> [!weakness] Title', 'weakness', 'weakness', 'Title')]);
    const inNote = { ...index.sentences[1], note: 0 };
    const ghost = { ...index.sentences[0], text: 'Not in the document at all.', kind: 'weakness' as const };
    const html = render(src, { ...index, sentences: [index.sentences[0], ghost, inNote] });
    assert.deepEqual(marks(html).map((m) => m.text), ['Visible text here.']);
    assert.ok(!isHighlighted(inNote));
  });

  it('adds 1-based data-line to blocks, callouts and marks', () => {
    const src = '# Title\n\nPara one.\n\n- item one\n- item two is bad.\n';
    const html = render(src, handIndex(src, [['item two is bad.', 'weakness']]));
    assert.match(html, /<h1 data-line="1">Title<\/h1>/);
    assert.match(html, /<p data-line="3">Para one.<\/p>/);
    assert.match(html, /<ul data-line="5">\n<li data-line="5">item one<\/li>\n<li data-line="6"><mark[^>]*data-line="6"/);
  });

  it('stays linear: a one-megabyte paragraph with thousands of sentences renders quickly', () => {
    const sentence = (k: number) => `Sentence ${k} has *some* words and a [link](https://x.org/${k}).`;
    const parts: string[] = [];
    for (let k = 0; k < 16000; k++) parts.push(sentence(k));
    const src = parts.join(' ');
    const index = handIndex(src, parts.map((p, k) => [p, k % 3 === 0 ? 'weakness' : 'neutral'] as [string, SentenceKind]));
    const t0 = Date.now();
    const html = render(src, index);
    const ms = Date.now() - t0;
    assert.equal(marks(html).length, Math.ceil(16000 / 3));
    assert.ok(ms < 10000, `took ${ms} ms`);
  });
});

describe('render: callouts', () => {
  it('renders a note as a callout with kind label, title, body and quote', () => {
    const src = '> [!weakness]- Missing *theory*\n> > The quoted sentence.\n>\n> No analysis at all.\n';
    const html = render(src, handIndex(src, [], [handNote(src, '> [!weakness]- Missing *theory*', 'weakness', 'weakness', 'Missing *theory*')]));
    assertWellNested(html);
    assert.equal(html, [
      '<div class="ps-callout ps-kind-weakness" data-kind="weakness" data-line="1">',
      '<div class="ps-callout-title"><span class="ps-callout-label">Weakness</span> <span class="ps-callout-title-text">Missing <em>theory</em></span></div>',
      '<div class="ps-callout-body">',
      '<blockquote class="ps-callout-quote" data-line="2">',
      '<p data-line="2">The quoted sentence.</p>',
      '</blockquote>',
      '<p data-line="4">No analysis at all.</p>',
      '</div>',
      '</div>',
      '',
    ].join('\n'));
  });

  it('keeps body lines that follow the head line in the same paragraph', () => {
    const src = '> [!strength] Clear\n> The comparison is clean.\n';
    const html = render(src, handIndex(src, [], [handNote(src, '> [!strength] Clear', 'strength', 'strength', 'Clear')]));
    assert.match(html, /<div class="ps-callout-body">\n<p data-line="2">The comparison is clean.<\/p>\n<\/div>/);
  });

  it('labels GitHub alerts and unknown kinds, and drops the body when there is none', () => {
    const src = '> [!WARNING]\n> Careful.\n\n> [!custom] Reading group\n\n> [!question] Does it scale?\n';
    const index = handIndex(src, [], [
      handNote(src, '> [!WARNING]', 'weakness', 'WARNING', ''),
      handNote(src, '> [!custom] Reading group', 'note', 'custom', 'Reading group'),
      handNote(src, '> [!question] Does it scale?', 'question', 'question', 'Does it scale?'),
    ]);
    const html = render(src, index);
    assertWellNested(html);
    assert.match(html, /<div class="ps-callout ps-kind-weakness" data-kind="weakness" data-line="1">\n<div class="ps-callout-title"><span class="ps-callout-label">Weakness<\/span><\/div>/);
    assert.match(html, /<div class="ps-callout ps-kind-note" data-kind="note" data-line="4">\n<div class="ps-callout-title"><span class="ps-callout-label">custom<\/span> <span class="ps-callout-title-text">Reading group<\/span><\/div>\n<\/div>/);
    assert.match(html, /data-kind="question" data-line="6">\n<div class="ps-callout-title">[^\n]*Does it scale\?<\/span><\/div>\n<\/div>/);
  });

  it('leaves quotes that the index does not know as notes alone', () => {
    const src = '> [!weakness] Looks like a note\n> but the index says no.\n';
    const html = render(src, handIndex(src, []));
    assert.match(html, /^<blockquote data-line="1">\n<p data-line="1">\[!weakness\] Looks like a note/);
  });
});

// ---- the plugin with the real indexer ---------------------------------------------------------

describe('render: documents through the indexer', () => {
  it('marks every highlighted sentence of the founding document with its kind', () => {
    const { html, index } = renderDocument(founding);
    assertWellNested(html);
    const highlighted = index.sentences.filter(isHighlighted);
    assert.ok(highlighted.length >= 10, 'the founding document has critique');
    const byKind = new Map<string, string>();
    for (const m of marks(html)) byKind.set(m.kind, `${byKind.get(m.kind) ?? ''} ${m.text}`.replace(/\s+/g, ' '));
    for (const s of highlighted) {
      assert.ok((byKind.get(s.kind) ?? '').includes(plainText(s.text)), `not marked as ${s.kind}: ${s.text}`);
    }
    const marked = marks(html).map((m) => m.text).join(' ');
    for (const s of index.sentences.filter((x) => x.kind === 'neutral')) {
      assert.ok(!marked.includes(plainText(s.text)), `neutral sentence marked: ${s.text}`);
    }
  });

  it('renders every note of the structured fixture as a callout, and no front matter', () => {
    const { html, index } = renderDocument(structured);
    assertWellNested(html);
    assertSafeHtml(html);
    const callouts = [...html.matchAll(/<div class="ps-callout ps-kind-(\w+)"[^>]* data-line="(\d+)"/g)];
    assert.deepEqual(callouts.map((m) => [m[1], Number(m[2])]), index.notes.map((n) => [n.kind, n.line]));
    assert.ok(index.notes.length >= 7);
    assert.match(html, /<span class="ps-callout-label">custom<\/span>/);
    assert.match(html, /<blockquote class="ps-callout-quote"/);
    assert.doesNotMatch(html, /authors:|tags:/);
  });

  it('computes the index itself when env has none (VS Code preview path)', () => {
    const md = markdownIt({ html: true }).use(paperStudyPlugin);
    const html = md.render(founding);
    assert.deepEqual(marks(html).map((m) => m.text), marks(renderDocument(founding).html).map((m) => m.text));
  });
});
