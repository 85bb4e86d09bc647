// Export tests. Golden files: test/golden/<fixture>.<format>.(md|html) hold the exact output for the
// fixtures in test/fixtures; they are compared byte for byte. After an intended change of the output
// (or of the indexer's classification), regenerate them and review the diff:
//   UPDATE_GOLDEN=1 npx mocha test/unit/export.test.ts
// The same variable rewrites media/critique.css from src/core/export/critiqueCss.ts.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportDocument, EXPORT_FORMATS, type ExportFormat } from '../../src/core/export/index';
import { CRITIQUE_CSS } from '../../src/core/export/critiqueCss';
import { PieceFinder } from '../../src/core/export/highlightPieces';
import { escapeMarkdown } from '../../src/core/export/markdownDigest';
import { indexDocument } from '../../src/core/indexer';
import { isHighlighted } from '../../src/core/markdownPlugin';
import { buildLineTable } from '../../src/core/lines';
import { KIND_LABEL } from '../../src/core/export/kindLabels';
import type { DocumentIndex, Paper } from '../../src/core/model';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures');
const golden = path.join(root, 'test', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const founding = read('paper-summaries.md');
const structured = read('structured-notes.md');

/** The output with every digest section removed (from its heading to the next heading or the end). */
function withoutDigests(out: string): string {
  return out.replace(/\n\n#{2,6} Critique digest\n[\s\S]*?(?=\n\n#{1,6} (?!Critique digest)|\s*$)/g, '');
}

function wrap(text: string, pieces: readonly (readonly [number, number])[]): string {
  let out = '';
  let pos = 0;
  for (const [a, b] of pieces) { out += `${text.slice(pos, a)}==${text.slice(a, b)}==`; pos = b; }
  return out + text.slice(pos);
}

function piecesOf(text: string, sentence: string): string {
  const start = text.indexOf(sentence);
  assert.ok(start >= 0);
  return wrap(text, new PieceFinder(text, buildLineTable(text)).pieces(start, start + sentence.length));
}

describe('export: golden files', () => {
  for (const fixture of ['paper-summaries', 'structured-notes']) {
    for (const format of EXPORT_FORMATS) {
      const file = `${fixture}.${format}.${format === 'html' ? 'html' : 'md'}`;
      it(`${file} matches byte for byte`, () => {
        const out = exportDocument(read(`${fixture}.md`), { format, fileName: `${fixture}.md` });
        const target = path.join(golden, file);
        if (update) { fs.mkdirSync(golden, { recursive: true }); fs.writeFileSync(target, out); }
        assert.ok(fs.existsSync(target), `missing ${target}: run with UPDATE_GOLDEN=1`);
        assert.equal(out, fs.readFileSync(target, 'utf8'));
      });
    }
  }

  it('media/critique.css is the stylesheet of src/core/export/critiqueCss.ts', () => {
    const target = path.join(root, 'media', 'critique.css');
    if (update) fs.writeFileSync(target, CRITIQUE_CSS);
    assert.equal(fs.readFileSync(target, 'utf8'), CRITIQUE_CSS);
  });
});

describe('export: Markdown flavours', () => {
  const index = indexDocument(founding);
  const highlighted = index.sentences.filter(isHighlighted);

  it('is deterministic and keeps the source byte for byte outside its annotations', () => {
    for (const format of ['github', 'obsidian', 'plain'] as const) {
      const out = exportDocument(founding, { format, fileName: 'paper-summaries.md' });
      assert.equal(out, exportDocument(founding, { format, fileName: 'paper-summaries.md', index }));
      const stripped = format === 'obsidian' ? out.replace(/==/g, '') : out.replace(/\*\*\[(?:Strength|Weakness|Question|Idea|Note)\]\*\* /g, '');
      assert.equal(withoutDigests(stripped), founding, format);
    }
  });

  it('obsidian: wraps each highlighted sentence in ==…== and nothing else', () => {
    const out = exportDocument(founding, { format: 'obsidian', fileName: 'paper-summaries.md' });
    const wrapped = [...withoutDigests(out).matchAll(/==([^=]+)==/g)].map((m) => m[1]);
    assert.deepEqual(wrapped, highlighted.map((s) => founding.slice(s.start, s.end)));
  });

  it('plain and github: a bold kind label before each highlighted sentence', () => {
    for (const format of ['plain', 'github'] as const) {
      const out = withoutDigests(exportDocument(founding, { format, fileName: 'paper-summaries.md' }));
      const labelled = [...out.matchAll(/\*\*\[(\w+)\]\*\* ([^.?!]+)/g)].map((m) => [m[1], m[2]]);
      assert.deepEqual(labelled, highlighted.map((s) => [KIND_LABEL[s.kind as keyof typeof KIND_LABEL], founding.slice(s.start, s.end).split(/[.?!]/)[0]]));
    }
  });

  it('github: notes become alerts naming their kind; nested notes get the plain form', () => {
    const out = exportDocument(structured, { format: 'github', fileName: 'structured-notes.md' });
    for (const [alert, label] of [['TIP', 'Strength:** Clear ablations'], ['WARNING', 'Weakness:** Missing theory'],
      ['IMPORTANT', 'Question:** Does it transfer'], ['NOTE', 'Idea:** Try residual'], ['NOTE', 'Note:** Read the follow-up'],
      ['NOTE', 'custom:** Reading group'], ['WARNING', 'Weakness**\n>\n> Results use']]) {
      assert.ok(out.includes(`> [!${alert}]\n> **${label}`), `${alert} ${label}`);
    }
    assert.match(out, /> > However, the paper does not explain \*\*why\*\*/, 'the quote is kept');
    assert.match(out, /> No analysis of the loss landscape\./, 'the body is kept');
    const nested = exportDocument('# P\n\n### A Paper About Things\n\n- item\n  > [!weakness] Deep\n  > body\n', { format: 'github', fileName: 'n.md' });
    assert.match(nested, /^ {2}> \*\*Weakness:\*\* Deep\n {2}>\n {2}> body$/m);
    assert.doesNotMatch(nested, /\[!/);
  });

  it('plain: CommonMark only — no callout markers, alerts or highlights', () => {
    const out = exportDocument(structured, { format: 'plain', fileName: 'structured-notes.md' });
    assert.doesNotMatch(out, /\[![^\]]*\]|==/);
    assert.match(out, /^> \*\*Strength:\*\* Clear ablations\n>\n> The plain vs\. residual/m);
    assert.match(out, /^> \*\*Weakness\*\*\n>\n> Results use test-time augmentation\.$/m);
    assert.match(out, /^- \*\*\[Strength\]\*\* Very simple to implement\.$/m);
  });

  it('obsidian: notes stay callouts exactly as written', () => {
    const out = exportDocument(structured, { format: 'obsidian', fileName: 'structured-notes.md' });
    const notes = structured.slice(structured.indexOf('> [!strength]'));
    assert.ok(out.includes(notes.trimEnd()), 'callouts unchanged');
  });

  it('keeps CRLF line endings, also in what it adds', () => {
    const crlf = structured.replace(/\n/g, '\r\n');
    for (const format of EXPORT_FORMATS) {
      const out = exportDocument(crlf, { format, fileName: 'structured-notes.md' });
      if (format !== 'html') assert.doesNotMatch(out, /[^\r]\n/, `${format} has a bare LF`);
      if (format !== 'html') assert.equal(out.replace(/\r\n/g, '\n'), exportDocument(structured, { format, fileName: 'structured-notes.md' }));
    }
  });
});

describe('export: obsidian highlight pieces', () => {
  it('wraps a whole sentence with balanced emphasis, links and code inside', () => {
    const t = 'Intro. It is *really* bad, see [x](https://y.org) and `a == b`. Outro.';
    assert.equal(piecesOf(t, 'It is *really* bad, see [x](https://y.org) and `a == b`.'),
      'Intro. ==It is *really* bad, see [x](https://y.org) and `a == b`.== Outro.');
  });

  it('cuts at emphasis whose partner lies outside the sentence', () => {
    const t = '*One weak point. Another one.* Done.';
    assert.equal(piecesOf(t, '*One weak point.'), '*==One weak point.== Another one.* Done.');
    assert.equal(piecesOf(t, 'Another one.*'), '*One weak point. ==Another one.==* Done.');
  });

  it('never crosses a line break and skips container markers', () => {
    const t = '> First line of it\n> goes on here. Next.\n';
    assert.equal(piecesOf(t, 'First line of it\n> goes on here.'), '> ==First line of it==\n> ==goes on here.== Next.\n');
    const li = '- item starts\n  and ends. Other.\n';
    assert.equal(piecesOf(li, 'item starts\n  and ends.'), '- ==item starts==\n  ==and ends.== Other.\n');
  });

  it('never splits a code span or link, and does not nest highlights', () => {
    const t = 'A `code. span` B. C [link. text](u) D.';
    assert.equal(piecesOf(t, 'A `code.'), '==A== `code. span` B. C [link. text](u) D.');
    assert.equal(piecesOf(t, 'C [link.'), 'A `code. span` B. ==C== [link. text](u) D.');
    assert.equal(piecesOf(t, 'span` B.'), 'A `code. span` ==B.== C [link. text](u) D.');
    assert.equal(piecesOf('Pre ==Already marked.== Post.', 'Already marked.'), 'Pre ==Already marked.== Post.');
  });

  it('keeps a hard-break backslash outside the highlight', () => {
    assert.equal(piecesOf('Line ends here\\\nnext one.', 'Line ends here\\\nnext one.'), '==Line ends here==\\\n==next one.==');
  });
});

describe('export: digest', () => {
  it('ends each paper with a digest one level below its heading, linked to source lines', () => {
    const out = exportDocument(founding, { format: 'github', fileName: 'paper-summaries.md' });
    const headings = [...out.matchAll(/^(#{1,6}) (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(headings, [
      '# Paper Summaries', '## By James Camacho',
      '### Attention *Is* All You Need', '#### Critique digest',
      '### BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', '#### Critique digest',
      '### Unsolved Problems in ML Safety', '#### Critique digest',
    ]);
    const links = [...out.matchAll(/\(\[L(\d+)\]\(paper-summaries\.md#L(\d+)\)\)/g)];
    assert.ok(links.length > 0);
    for (const m of links) assert.equal(m[1], m[2]);
    const lines = founding.split('\n');
    const firstItem = /^- (.*) \(\[L(\d+)\]/m.exec(out)!;
    assert.ok(lines[Number(firstItem[2]) - 1].includes(firstItem[1].slice(0, 30)), 'the link points at the sentence');
  });

  it('exports one paper only, with its digest', () => {
    const index = indexDocument(founding);
    const out = exportDocument(founding, { format: 'plain', fileName: 'paper-summaries.md', paper: 1, index });
    assert.match(out, /^### BERT/);
    assert.doesNotMatch(out, /Attention \*Is\*|Unsolved Problems|Paper Summaries/);
    assert.match(out, /\n\n#### Critique digest\n\n\*\*Strengths\*\*\n\n/);
    assert.ok(out.endsWith('\n') && !out.endsWith('\n\n'), 'ends with one line break');
    assert.throws(() => exportDocument(founding, { format: 'plain', fileName: 'x.md', paper: 3 }), RangeError);
  });

  it('says "No critique found." for a paper without critique, and "None." for an empty kind', () => {
    const text = '# Papers\n\n### First Paper Here\n\nPlain text.\n\n### Second Paper Here\n\nIt is weak.\n';
    const paper = (title: string, line: number, endLine: number): Paper => {
      const start = text.indexOf(`### ${title}`);
      return { title, line, endLine, start, end: start + 10, titleFrom: 'heading', sections: [], meta: {},
        heading: { level: 3, raw: title, text: title, line, start, end: start + 4 + title.length, setext: false } };
    };
    const s = text.indexOf('It is weak.');
    const index: DocumentIndex = {
      papers: [paper('First Paper Here', 3, 5), paper('Second Paper Here', 7, 9)],
      sentences: [{ text: 'It is weak.', start: s, end: s + 11, line: 9, endLine: 9, paper: 1, block: 0, blockType: 'paragraph', kind: 'weakness', source: 'prose', cue: 'weak' }],
      notes: [], eol: '\n', bom: false, lineCount: 10,
    };
    const out = exportDocument(text, { format: 'plain', fileName: 'my notes (draft).md', index });
    assert.equal(out, [
      '# Papers', '', '### First Paper Here', '', 'Plain text.', '', '#### Critique digest', '', 'No critique found.', '',
      '### Second Paper Here', '', '**[Weakness]** It is weak.', '', '#### Critique digest', '',
      '**Strengths**', '', 'None.', '', '**Weaknesses**', '', '- It is weak. ([L9](my%20notes%20%28draft%29.md#L9))', '',
      '**Questions**', '', 'None.', '',
    ].join('\n'));
    const html = exportDocument(text, { format: 'html', fileName: 'x.md', index });
    assert.match(html, /<h4>Critique digest<\/h4>\n<p class="ps-digest-none">No critique found.<\/p>/);
  });

  it('escapes digest text so that it stays plain text', () => {
    assert.equal(escapeMarkdown('# a *b* [c](d) <e> `f` $g$ == h'), '\\# a \\*b\\* \\[c\\](d) \\<e\\> \\`f\\` \\$g\\$ \\== h');
    assert.equal(escapeMarkdown('1. not a list'), '1\\. not a list');
  });
});

describe('export: HTML', () => {
  const html = exportDocument(structured, { format: 'html', fileName: 'structured-notes.md' });

  it('is a standalone page with a strict CSP, no script, light/dark/print CSS and a legend', () => {
    assert.match(html, /^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1].replace(/&#39;/g, "'");
    assert.match(csp, /^default-src 'none'; style-src 'unsafe-inline'; img-src https:/);
    assert.doesNotMatch(csp, /script-src|unsafe-eval/);
    assert.doesNotMatch(html, /<script|\son\w+=/i);
    assert.ok(html.includes(CRITIQUE_CSS), 'inlines the shared stylesheet');
    assert.match(html, /@media \(prefers-color-scheme: dark\)/);
    assert.match(html, /@media print/);
    for (const kind of ['strength', 'weakness', 'question', 'idea', 'note']) assert.match(html, new RegExp(`<ul class="ps-legend"[\\s\\S]*ps-kind-${kind}`));
  });

  it('renders marks, callouts and one digest whose links all reach an element', () => {
    assert.match(html, /<mark class="ps-mark ps-kind-weakness"/);
    assert.equal((html.match(/<div class="ps-callout /g) ?? []).length, indexDocument(structured).notes.length);
    assert.equal((html.match(/<section class="ps-digest">/g) ?? []).length, 1);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/class="ps-digest-line" href="#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length >= 10);
    for (const h of hrefs) assert.ok(ids.has(h), `no element with id ${h}`);
    assert.equal(ids.size, [...html.matchAll(/\sid="/g)].length, 'ids are unique');
  });

  it('exports one paper with its digest', () => {
    const out = exportDocument(founding, { format: 'html', fileName: 'paper-summaries.md', paper: 2 });
    assert.match(out, /<title>Unsolved Problems in ML Safety<\/title>/);
    assert.match(out, /<h3[^>]*>Unsolved Problems in ML Safety<\/h3>/);
    assert.doesNotMatch(out, /<h\d[^>]*>(?:Paper Summaries|BERT)/);
    assert.equal((out.match(/<section class="ps-digest">/g) ?? []).length, 1);
  });
});

describe('export: robustness over the corpora', () => {
  const corpus = path.join(fixtures, 'corpora');
  const files = fs.existsSync(corpus)
    ? fs.readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md') && !f.endsWith('README.md')).sort()
    : [];

  it('exports every corpus file in every format, keeping the source outside the annotations', function () {
    if (files.length === 0) this.skip();
    for (const f of files) {
      const text = fs.readFileSync(path.join(corpus, f), 'utf8');
      const index = indexDocument(text, { fileName: path.basename(f) });
      for (const format of EXPORT_FORMATS as readonly ExportFormat[]) {
        const out = exportDocument(text, { format, fileName: path.basename(f), index });
        if (format === 'html') { assert.doesNotMatch(out, /<script|\son\w+="/i, f); continue; }
        if (format === 'obsidian' && !text.includes('==')) assert.equal(withoutDigests(out.replace(/==/g, '')), text, `${f} (${format})`);
        if (format === 'plain') assert.equal(withoutDigests(out.replace(/\*\*\[(?:Strength|Weakness|Question|Idea|Note)\]\*\* /g, '')), text, `${f} (${format})`);
      }
    }
  });
});
