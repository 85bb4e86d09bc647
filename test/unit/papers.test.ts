import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexDocument } from '../../src/core/indexer';
import { scanBlocks } from '../../src/core/blocks';

const fixtures = path.join(__dirname, '..', 'fixtures');
const founding = fs.readFileSync(path.join(fixtures, 'paper-summaries.md'), 'utf8');

function titles(text: string, fileName?: string): string[] {
  return indexDocument(text, { fileName }).papers.map((p) => p.title);
}

describe('papers: the founding collection', () => {
  const index = indexDocument(founding);

  it('finds the three papers under ### and not the title or byline', () => {
    assert.deepEqual(index.papers.map((p) => p.title), [
      'Attention Is All You Need',
      'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      'Unsolved Problems in ML Safety',
    ]);
  });

  it('gives 1-based title lines and ranges that start at the heading', () => {
    const lines = founding.split('\n');
    for (const p of index.papers) {
      assert.ok(lines[p.line - 1].startsWith('### '), `line ${p.line} is the heading`);
      assert.equal(founding.slice(p.start, p.start + 4), '### ');
    }
    assert.deepEqual(index.papers.map((p) => p.line), [4, 9, 17]);
    assert.equal(index.papers[0].end, index.papers[1].start);
    assert.equal(index.papers[2].end, founding.length);
    assert.equal(index.papers[0].endLine, 7);
  });

  it('keeps the raw heading with its emphasis', () => {
    assert.equal(index.papers[0].heading?.raw, 'Attention *Is* All You Need');
    assert.equal(index.papers[0].heading?.level, 3);
  });
});

describe('papers: one paper per file', () => {
  it('titles a file by its first heading; section headings are parts of it', () => {
    const text = '# Deep Residual Learning\n\nIntro.\n\n## Summary\n\nThey add skips.\n\n## Strengths\n\n- Simple.\n\n## Weaknesses\n\n- Deep.\n\n## Key Points\n\nx.\n\n## Questions\n\nWhy?\n';
    const index = indexDocument(text);
    assert.deepEqual(index.papers.map((p) => p.title), ['Deep Residual Learning']);
    assert.deepEqual(index.papers[0].sections.map((s) => [s.heading.text, s.role]), [
      ['Summary', 'summary'], ['Strengths', 'strength'], ['Weaknesses', 'weakness'], ['Key Points', 'note'], ['Questions', 'question'],
    ]);
  });

  it('titles a file by front matter and keeps its metadata', () => {
    const text = '---\ntitle: "Attention Is All You Need"\nauthors: [Vaswani, Shazeer]\nyear: 2017\ntags: [nlp, transformers]\nurl: https://arxiv.org/abs/1706.03762\n---\n\n## Summary\n\nAttention works.\n\n## Weaknesses\n\nQuadratic cost.\n';
    const index = indexDocument(text);
    assert.equal(index.papers.length, 1);
    const p = index.papers[0];
    assert.equal(p.title, 'Attention Is All You Need');
    assert.equal(p.titleFrom, 'front-matter');
    assert.equal(p.line, 2);
    assert.deepEqual(p.meta.authors, ['Vaswani', 'Shazeer']);
    assert.equal(p.meta.year, '2017');
    assert.deepEqual(p.meta.tags, ['nlp', 'transformers']);
    assert.equal(p.meta.url, 'https://arxiv.org/abs/1706.03762');
    const weak = index.sentences.find((s) => s.text === 'Quadratic cost.');
    assert.equal(weak?.kind, 'weakness');
    assert.equal(weak?.source, 'section');
  });

  it('reads front matter with YAML\'s core schema: a date is text its year is read from, and tags are kept', () => {
    const text = '---\ntitle: Deep Residual Learning\ndate: 2015-12-10\ntags: [2015-12-10, vision]\nbase: &b {x: 1}\nmerged: {<<: *b}\n---\n\nIt works.\n';
    const index = indexDocument(text, { fileName: 'resnet.md' });
    assert.deepEqual(index.problems, []);
    const p = index.papers[0];
    assert.equal(p.title, 'Deep Residual Learning');
    assert.equal(p.meta.year, '2015');
    assert.deepEqual(p.meta.tags, ['2015-12-10', 'vision'], 'a date-like tag stays text');
    const binary = indexDocument('---\nx: !!binary aGVsbG8=\n---\n\nText.\n');
    assert.match(binary.problems[0] ?? '', /front matter is not valid YAML/, 'a tag beyond the core schema (!!binary) is reported');
  });

  it('reports malformed front matter and still indexes the file', () => {
    const index = indexDocument('---\ntitle: [unclosed\n---\n# A Paper Title Here\n\nText.\n');
    assert.equal(index.papers[0].title, 'A Paper Title Here');
    assert.match(index.problems[0], /front matter is not valid YAML/);
  });

  it('titles a file by a Title bullet, not by "# Paper"', () => {
    const text = '# Paper\n\n* **Title**: Deep Residual Learning for Image Recognition\n* **Authors**: Kaiming He, Xiangyu Zhang\n* **Link**: https://arxiv.org/abs/1512.03385\n* **Tags**: Neural Network, residual\n* **Year**: 2015\n\n# Summary\n\n* What\n  * They train deep nets.\n';
    const index = indexDocument(text);
    assert.equal(index.papers.length, 1);
    const p = index.papers[0];
    assert.equal(p.title, 'Deep Residual Learning for Image Recognition');
    assert.equal(p.titleFrom, 'title-bullet');
    assert.equal(p.line, 3);
    assert.deepEqual(p.meta.authors, ['Kaiming He', 'Xiangyu Zhang']);
    assert.equal(p.meta.year, '2015');
    assert.equal(p.meta.url, 'https://arxiv.org/abs/1512.03385');
    assert.deepEqual(p.meta.tags, ['Neural Network', 'residual']);
  });

  it('titles papers by link headings and keeps the link as url', () => {
    const text = '# Reading list\n\n## [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n\nGood.\n\n## [BERT](https://arxiv.org/abs/1810.04805)\n\nAlso good.\n';
    const index = indexDocument(text);
    assert.deepEqual(index.papers.map((p) => p.title), ['Attention Is All You Need', 'BERT']);
    assert.equal(index.papers[0].meta.url, 'https://arxiv.org/abs/1706.03762');
  });

  it('falls back to the file name when there are only section headings', () => {
    assert.deepEqual(titles('## Summary\n\nx.\n\n## Weaknesses\n\ny.\n', 'notes/Batch_Normalization.md'), ['Batch Normalization']);
  });
});

describe('papers: structure edge cases', () => {
  it('reads setext headings', () => {
    const text = 'Paper Summaries\n===============\n\nFirst Paper On Things\n---------------------\n\nBody one.\n\nSecond Paper On Stuff\n---------------------\n\nBody two.\n';
    assert.deepEqual(titles(text), ['First Paper On Things', 'Second Paper On Stuff']);
  });

  it('ignores # lines inside fenced code', () => {
    const text = '# Only Paper Here\n\n```python\n# not a heading\n## neither\n```\n\nText.\n\n~~~\n# no\n~~~\n';
    const scan = scanBlocks(text);
    assert.deepEqual(scan.headings.map((h) => h.text), ['Only Paper Here']);
    assert.deepEqual(titles(text), ['Only Paper Here']);
  });

  it('does not take index headings (References, Contents) for papers', () => {
    const text = '# Summaries of papers\n\n## Table of contents\n\n- [a](#a)\n\n## A Study Of Things\n\nBody.\n\n## Another Study Of Things\n\nBody.\n\n## References\n\n1. Foo.\n';
    const index = indexDocument(text);
    assert.deepEqual(index.papers.map((p) => p.title), ['A Study Of Things', 'Another Study Of Things']);
    const refs = text.indexOf('## References');
    assert.equal(index.papers[1].end, refs, 'the References heading ends the last paper');
  });

  it('handles CRLF and a BOM with the same papers and exact offsets', () => {
    const crlf = '\uFEFF' + founding.replace(/\n/g, '\r\n');
    const index = indexDocument(crlf);
    assert.equal(index.bom, true);
    assert.equal(index.eol, '\r\n');
    assert.deepEqual(index.papers.map((p) => p.line), [4, 9, 17]);
    for (const s of index.sentences) {
      assert.equal(crlf.slice(s.start, s.end).replace(/\s+/g, ' '), s.text);
    }
  });

  it('survives empty files, headings with no body and front matter only', () => {
    assert.deepEqual(indexDocument('').papers, []);
    assert.deepEqual(indexDocument('---\ntitle: x\n---\n').papers.map((p) => p.title), ['x']);
    const empty = indexDocument('# Papers I read\n\n## A Very Empty Paper\n\n## Another Paper With Text\n\nText here.\n\n## Third Paper With Text\n\nMore.\n');
    assert.deepEqual(empty.papers.map((p) => p.title), ['A Very Empty Paper', 'Another Paper With Text', 'Third Paper With Text']);
  });
});

describe('papers: the aleju corpus (99 one-paper files and an index)', () => {
  const root = path.join(fixtures, 'corpora', 'aleju-papers');
  const files = ['mixed', 'neural-nets'].flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));

  it('finds exactly one paper in each of the 99 summaries, titled by the Title bullet', () => {
    assert.equal(files.length, 99);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const expected = /^\* (?:\*\*|__)Title(?:\*\*|__): (.+)$/m.exec(text)![1].trim();
      const papers = indexDocument(text, { fileName: path.basename(f) }).papers;
      assert.equal(papers.length, 1, f);
      assert.notEqual(papers[0].title, 'Paper');
      assert.equal(papers[0].title, expected.replace(/\*\*|__/g, ''), f);
    }
  });

  it('does not take the index README for a paper', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.deepEqual(indexDocument(readme, { fileName: 'README.md' }).papers, []);
  });
});
