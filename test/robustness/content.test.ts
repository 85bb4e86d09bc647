// Odd but legal content, through the whole pipeline (index, panel, preview, exports): line endings
// and bytes, broken and hostile front matter, Unicode that hides or reorders text, and unusual
// structure. Each case runs in a worker (isolated.ts) under mocha's timeout.
import { strict as assert } from 'node:assert';
import { Isolated } from './isolated';

interface WithSentences { readonly index: { readonly sentences: readonly { text: string; start: number; end: number }[] } }

/** Every sentence is exactly its source range, with line breaks and container markers folded. */
function assertExactOffsets(text: string, r: WithSentences): void {
  for (const s of r.index.sentences) {
    const source = text.slice(s.start, s.end);
    assert.equal(source.replace(/[\r\n]+[ \t>]*/g, ' ').replace(/\s+/g, ' '), s.text.replace(/\s+/g, ' '), `offsets of ${JSON.stringify(s.text)}`);
  }
}

const SAFE = { panel: [], preview: [], export: [] };

describe('robustness: line endings, bytes and front matter', function () {
  this.timeout(10000);
  const run = new Isolated();
  afterEach(() => run.reset());
  after(() => run.close());

  const body = '# Paper: Line Endings\n\nThis is a weakness of the paper. It works well.\n\n> [!question] Why?\n> > It works well.\n';

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['lone CR', '\r']] as const) {
    it(`${name} line endings: same papers, sentences and notes; exports keep the line ending`, async () => {
      const text = body.replace(/\n/g, eol);
      const r = await run.run('surfaces', { text, keep: true });
      assert.equal(r.index.eol, eol);
      assert.equal(r.index.lineCount, 7);
      assert.deepEqual(r.index.papers.map((p) => [p.title, p.line]), [['Paper: Line Endings', 1]]);
      assert.deepEqual(r.index.sentences.map((s) => [s.text, s.kind, s.line]).slice(0, 2),
        [['This is a weakness of the paper.', 'weakness', 3], ['It works well.', 'question', 3]]);
      assert.deepEqual(r.index.notes.map((n) => [n.kind, n.title, n.quote]), [['question', 'Why?', 'It works well.']]);
      assertExactOffsets(text, r);
      for (const [flavour, out] of Object.entries(r.markdown!)) {
        const others = ['\r\n', '\n', '\r'].filter((e) => e !== eol);
        const stripped = out.split(eol).join('');
        for (const other of others) assert.ok(!stripped.includes(other), `${flavour} export mixes in ${JSON.stringify(other)}`);
      }
      assert.deepEqual(r.unsafe, SAFE);
    });
  }

  it('mixed line endings: every kind of break counts as one line', async () => {
    const text = '# Paper: Mixed\r\n\nThis is a weakness.\rIt is slow.\r\n\r\n- An item.\n';
    const r = await run.run('surfaces', { text });
    assert.equal(r.index.lineCount, 7);
    assert.deepEqual(r.index.sentences.map((s) => [s.text, s.line]), [['This is a weakness.', 3], ['It is slow.', 4], ['An item.', 6]]);
    assertExactOffsets(text, r);
  });

  it('a BOM: offsets stay exact (the BOM is character 0) and the title is clean', async () => {
    const text = '\uFEFF# Paper: With a BOM\r\n\r\nThis is a weakness of it.\r\n';
    const r = await run.run('surfaces', { text, keep: true });
    assert.equal(r.index.bom, true);
    assert.equal(r.index.papers[0].title, 'Paper: With a BOM');
    assert.equal(r.index.sentences[0].start, text.indexOf('This'));
    assert.ok(!r.markdown!.github.startsWith('\uFEFF\uFEFF'));
  });

  it('NUL and other control characters inside prose', async () => {
    const text = '# Paper: Controls\n\nThis is a weak\u0000ness of it. It is \u001bslow.\u0007\n\nThe end\u0000.\n';
    const r = await run.run('surfaces', { text, keep: true });
    assert.equal(r.index.papers.length, 1);
    assert.deepEqual(r.index.sentences.map((s) => s.text), ['This is a weak\u0000ness of it.', 'It is \u001bslow.\u0007', 'The end\u0000.']);
    assert.ok(!r.html!.panel.includes('\u0000'), 'NUL never reaches the page');
    assert.deepEqual(r.unsafe, SAFE);
  });

  it('lone surrogates (what a broken UTF-16 decoder leaves) in titles, links and file names', async () => {
    const text = '# Paper: \uD800 Broken \uDFFF\n\nThis is a weakness [x](\uD800) of it.\n\n> [!note] \uDC00\n';
    const r = await run.run('surfaces', { text, fileName: 'broken\uD800.md' });
    assert.equal(r.index.papers[0].title, 'Paper: \uD800 Broken \uDFFF');
    assert.deepEqual(r.unsafe, SAFE);
  });

  it('an empty file and a blank file: no papers, no problems', async () => {
    for (const text of ['', '\n\n  \n', '\uFEFF']) {
      const r = await run.run('surfaces', { text });
      assert.deepEqual([r.index.papers, r.index.sentenceCount, r.index.problems], [[], 0, []]);
    }
  });

  it('front matter only: one paper titled by it', async () => {
    const r = await run.run('surfaces', { text: '---\ntitle: Only Front Matter\ntags: [a, b]\n---\n' });
    assert.deepEqual(r.index.papers.map((p) => [p.title, p.titleFrom, p.meta.tags]), [['Only Front Matter', 'front-matter', ['a', 'b']]]);
  });

  it('an unclosed front matter fence is text, not metadata', async () => {
    const r = await run.run('surfaces', { text: '---\ntitle: Never closed\n\n# Paper: The Real Title\n\nThis is a weakness.\n' });
    assert.deepEqual(r.index.papers.map((p) => p.title), ['Paper: The Real Title']);
  });

  for (const [name, yaml] of [
    ['unclosed bracket', 'title: [unclosed'],
    ['bad indentation', 'title: a\n  - b\n c: d'],
    ['a tab where YAML forbids it', 'title:\n\t- x'],
    ['an undefined alias', 'title: *nowhere'],
    ['a scalar, not a mapping', '"just a string"'],
  ] as const) {
    it(`malformed YAML front matter (${name}): a clear problem, and the heading still names the paper`, async () => {
      const r = await run.run('surfaces', { text: `---\n${yaml}\n---\n\n# Paper: Heading Title\n\nThis is a weakness of it.\n` });
      assert.deepEqual(r.index.papers.map((p) => p.title), ['Paper: Heading Title']);
      assert.equal(r.index.problems.length, 1, JSON.stringify(r.index.problems));
      assert.match(r.index.problems[0], /front matter (is not valid YAML|is not a YAML mapping)/);
    });
  }

  it('a YAML alias bomb (billion laughs) stays small and reads no title from it', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let k = 1; k < 10; k++) {
      const prev = String.fromCharCode(96 + k);
      levels.push(`${String.fromCharCode(97 + k)}: &${String.fromCharCode(97 + k)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const yaml = [...levels, 'title: *j', 'tags: *j', 'authors: *j'].join('\n');
    const r = await run.run('surfaces', { text: `---\n${yaml}\n---\n\n# Paper: Bombed\n\nThis is a weakness of it.\n` });
    assert.deepEqual(r.index.papers.map((p) => p.title), ['Paper: Bombed']);
    assert.deepEqual(r.index.papers[0].meta, {});
  });

  it('deeply nested YAML (10,000 levels) is a problem, not a crash', async () => {
    const yaml = 'title: ' + '['.repeat(10000) + ']'.repeat(10000);
    const r = await run.run('surfaces', { text: `---\n${yaml}\n---\n\n# Paper: Nested\n\nThis is a weakness of it.\n` });
    assert.deepEqual(r.index.papers.map((p) => p.title), ['Paper: Nested']);
  });

  it('a front matter of 1 MB', async () => {
    const yaml = Array.from({ length: 30000 }, (_v, i) => `key${i}: "${'v'.repeat(20)}"`).join('\n');
    const r = await run.run('surfaces', { text: `---\ntitle: Big\n${yaml}\n---\n\nThis is a weakness of it.\n` });
    assert.deepEqual(r.index.papers.map((p) => p.title), ['Big']);
  });
});

describe('robustness: Unicode', function () {
  this.timeout(10000);
  const run = new Isolated();
  afterEach(() => run.reset());
  after(() => run.close());

  it('strips direction overrides and zero-width characters from titles, tags and authors', async () => {
    const hidden = '\u202Eevil\u202C \u200Bzero\u200D \u2066iso\u2069 \uFEFFbom';
    const text = `---\ntags: ["${hidden}"]\nauthors: "${hidden}"\n---\n\n# Paper: ${hidden}\n\nThis is a weakness.\n`;
    const r = await run.run('surfaces', { text });
    assert.deepEqual(r.index.papers.map((p) => p.title), ['Paper: evil zero iso bom']);
    assert.deepEqual(r.index.papers[0].meta, { authors: ['evil zero iso bom'], tags: ['evil zero iso bom'] });
    const collection = await run.run('surfaces', { text: `# One: ${hidden}\n\nThis is a weakness.\n\n# Two: ${hidden} again\n\nIt is slow.\n` });
    assert.deepEqual(collection.index.papers.map((p) => p.title), ['One: evil zero iso bom', 'Two: evil zero iso bom again']);
    const fromFrontMatter = await run.run('surfaces', { text: `---\ntitle: "Front ${hidden}"\n---\n\nThis is a weakness.\n` });
    assert.deepEqual(fromFrontMatter.index.papers.map((p) => p.title), ['Front evil zero iso bom']);
  });

  it('a title made only of invisible characters names no paper', async () => {
    const r = await run.run('surfaces', { text: '# \u202E\u200B\u2066\n\nThis is a weakness.\n\n## Real Paper: A Title\n\nIt is slow.\n' });
    assert.ok(r.index.papers.every((p) => p.title.trim() !== ''), JSON.stringify(r.index.papers));
  });

  it('a file-name title loses its invisible characters too', async () => {
    const r = await run.run('surfaces', { text: '## Strengths\n\nIt works well.\n\n## Weaknesses\n\nIt is slow.\n', fileName: 'notes/Evil\u202Egnp.exe\u200B.md' });
    assert.deepEqual(r.index.papers.map((p) => [p.title, p.titleFrom]), [['Evilgnp.exe', 'file-name']]);
  });

  it('combining marks stay attached to their letter, in titles and sentences', async () => {
    const text = '# Paper: Cafe\u0301 Ne\u0301ural Nets\n\nThe cafe\u0301 model is nai\u0308ve. It is a weakness of the pape\u0301r.\n';
    const r = await run.run('surfaces', { text });
    assert.equal(r.index.papers[0].title, 'Paper: Cafe\u0301 Ne\u0301ural Nets');
    assert.deepEqual(r.index.sentences.map((s) => s.text), ['The cafe\u0301 model is nai\u0308ve.', 'It is a weakness of the pape\u0301r.']);
  });

  it('CJK sentences split at 。！？ with no space after them', async () => {
    const split = await run.run('split', { text: '这是一个问题。这是另一个问题！这是第三个吗？最后一句' });
    assert.deepEqual(split, ['这是一个问题。', '这是另一个问题！', '这是第三个吗？', '最后一句']);
    const ja = await run.run('split', { text: 'これは弱点です。「引用です。」次の文です！' });
    assert.deepEqual(ja, ['これは弱点です。', '「引用です。」', '次の文です！']);
    const r = await run.run('surfaces', { text: '# 论文：注意力机制\n\n这是一个问题。这是另一个问题！\n\n- 列表项。第二句。\n' });
    assert.equal(r.index.papers[0].title, '论文：注意力机制');
    assert.deepEqual(r.index.sentences.map((s) => s.text), ['这是一个问题。', '这是另一个问题！', '列表项。', '第二句。']);
  });

  it('right-to-left text and emoji keep exact offsets', async () => {
    const text = '# Paper: שלום עולם 👋🏽\n\nזו חולשה של המאמר. This is a weakness 🙃 of it.\n';
    const r = await run.run('surfaces', { text });
    assert.equal(r.index.papers[0].title, 'Paper: שלום עולם 👋🏽');
    assertExactOffsets(text, r);
    assert.deepEqual(r.unsafe, SAFE);
  });
});

describe('robustness: unusual structure', function () {
  this.timeout(10000);
  const run = new Isolated();
  afterEach(() => run.reset());
  after(() => run.close());

  it('duplicate paper titles: both papers, each with its own critique', async () => {
    const text = '# Reading notes\n\n## Attention Is All You Need\n\nThis is a weakness of it.\n\n## Attention Is All You Need\n\nIt works extremely well.\n';
    const r = await run.run('surfaces', { text });
    assert.deepEqual(r.index.papers.map((p) => [p.title, p.line]), [['Attention Is All You Need', 3], ['Attention Is All You Need', 7]]);
    assert.deepEqual(r.index.sentences.map((s) => [s.paper, s.kind]), [[0, 'weakness'], [1, 'strength']]);
  });

  it('headings with no body at all', async () => {
    const text = '# Paper One: A Study\n# Paper Two: Another\n## Weaknesses\n## Strengths\n# Paper Three: Last\n';
    const r = await run.run('surfaces', { text });
    assert.equal(r.index.sentenceCount, 0);
    assert.deepEqual(r.unsafe, SAFE);
  });

  it('headings inside list items and quotes are not papers or sections', async () => {
    const text = '# Paper: Outer\n\n- # Heading in a list\n  This is a weakness.\n\n> ## Heading in a quote\n> It is slow.\n';
    const r = await run.run('surfaces', { text, keep: true });
    assert.deepEqual(r.index.papers.map((p) => [p.title, p.sections]), [['Paper: Outer', 0]]);
    assert.match(r.html!.panel, /<h1[^>]*>Heading in a list<\/h1>/);
  });

  it('callouts with unknown kinds read as notes, with their kind shown as written', async () => {
    const text = '# Paper: Kinds\n\n> [!custom-kind] A title\n> Body.\n\n> [!] Empty kind\n\n> [!WaRnInG]\n> Mixed case.\n';
    const r = await run.run('surfaces', { text, keep: true });
    assert.deepEqual(r.index.notes.map((n) => [n.kind, n.rawKind]), [['note', 'custom-kind'], ['weakness', 'WaRnInG']]);
    assert.match(r.html!.panel, /ps-callout ps-kind-note/);
  });

  it('nested callouts: each a note at its depth, rendered as nested callouts', async () => {
    const text = '# Paper: Nested\n\n> [!weakness] Outer\n> Outer body.\n> > [!idea] Inner\n> > Inner body.\n> > > [!question] Innermost\n';
    const r = await run.run('surfaces', { text, keep: true });
    assert.deepEqual(r.index.notes.map((n) => [n.kind, n.depth, n.title]), [['weakness', 1, 'Outer'], ['idea', 2, 'Inner'], ['question', 3, 'Innermost']]);
    assert.equal((r.html!.panel.match(/class="ps-callout /g) ?? []).length, 3);
  });

  it('a note quoting a sentence that no longer exists keeps its quote and marks nothing', async () => {
    const text = '# Paper: Edited\n\nThe sentence is now different.\n\n> [!weakness] About a removed sentence\n> > This sentence was deleted long ago.\n';
    const r = await run.run('surfaces', { text, keep: true });
    assert.equal(r.index.notes[0].quote, 'This sentence was deleted long ago.');
    assert.ok(r.index.sentences.every((s) => !s.cue.startsWith('quoted by')));
    assert.match(r.markdown!.github, /About a removed sentence/);
  });

  it('a quote that is only markers, and a callout with no body or title', async () => {
    const text = '# Paper: Empty\n\n>\n> >\n>>>\n\n> [!weakness]\n\nThis is a weakness.\n';
    const r = await run.run('surfaces', { text });
    assert.deepEqual(r.index.notes.map((n) => [n.kind, n.title, n.body]), [['weakness', '', '']]);
    assert.deepEqual(r.unsafe, SAFE);
  });
});
