// Pathological Markdown: inputs sized so that anything quadratic (a regular expression that
// backtracks over a long run, a rescan per nesting level) would run for minutes. Each case runs in
// a worker (isolated.ts) under mocha's timeout: a hang fails the case instead of freezing the run.
// Times are never asserted; what is asserted is that every stage finishes, nothing throws, the
// surrounding paper is still found and no HTML surface carries anything unsafe.
import { strict as assert } from 'node:assert';
import type { Stage } from './caseWorker';
import { Isolated } from './isolated';

const MB = 1024 * 1024;
const TITLE = 'Paper: Robust Reading';

/** The case between a paper's heading and a critique sentence, and one after it. */
function inPaper(body: string): string {
  return `# ${TITLE}\n\nThis is a weakness of the paper.\n\n${body}\n\nI think the method is inefficient.\n`;
}

const MEDIUM: readonly [string, () => string][] = [
  ['30k nested emphasis', () => '*'.repeat(30000) + 'a' + '*'.repeat(30000)],
  ['30k nested strong', () => '**'.repeat(15000) + 'a' + '**'.repeat(15000)],
  ['30k openers of emphasis', () => '*a '.repeat(30000)],
  ['30k openers of strong', () => '**a '.repeat(30000)],
  ['30k openers of underscores', () => '_a '.repeat(30000)],
  ['30k openers of strike and highlight', () => '~~a ==b '.repeat(15000)],
  ['30k unclosed brackets', () => '['.repeat(30000) + 'a'],
  ['30k unclosed links', () => '[a]('.repeat(30000)],
  ['30k unclosed images', () => '!['.repeat(30000)],
  ['30k unclosed wiki links', () => '[['.repeat(30000)],
  ['30k unclosed tags', () => '<a '.repeat(30000)],
  ['30k unclosed autolinks', () => '<http://x'.repeat(30000)],
  ['30k-deep quote', () => '>'.repeat(30000) + ' deep'],
  ['30k-deep spaced quote', () => '> '.repeat(30000) + 'deep'],
  ['30k-deep quote holding a callout', () => '>'.repeat(30000) + ' [!weakness] deep'],
  ['callouts nested 2,000 deep', () => Array.from({ length: 2000 }, (_v, i) => '>'.repeat(i + 1) + ' [!note] t').join('\n')],
  ['2,000-deep indented list', () => Array.from({ length: 2000 }, (_v, i) => ' '.repeat(2 * i) + '- item').join('\n')],
  ['2,000 list markers on one line', () => '- '.repeat(2000) + 'a'],
  ['2,000 ordered markers on one line', () => '1. '.repeat(2000) + 'a'],
  ['30k backticks', () => '`'.repeat(30000) + 'a'],
  ['20k backtick pairs', () => '`a``'.repeat(20000)],
  ['an unclosed fence of 30k backticks', () => '`'.repeat(30000) + '\ncode\n'],
  ['100k one-line paragraphs', () => 'Short line.\n'.repeat(100000)],
  ['50k headings without a body', () => Array.from({ length: 50000 }, (_v, i) => `## Heading number ${i}`).join('\n')],
  ['5,000 notes quoting 5,000 sentences', () => Array.from({ length: 5000 }, (_v, i) => `Sentence number ${i} is here.`).join(' ')
    + '\n\n' + Array.from({ length: 5000 }, (_v, i) => `> [!weakness] n${i}\n> > Sentence number ${i} is here.`).join('\n\n')],
  ['a callout title of 1 MB of blanks', () => '> [!weakness] a' + ' '.repeat(MB) + 'b\n> > ' + ' \t'.repeat(MB / 4) + 'c'],
  ['a bold label with 1 MB of blanks', () => '**Weak' + ' '.repeat(MB) + 'x'],
  ['an Authors bullet with 1 MB of blanks', () => '- **Authors**: a' + ' '.repeat(MB) + 'b\u2028'],
  ['a table delimiter with 1 MB of blanks', () => 'a | b\n' + ' '.repeat(MB) + '-x'],
  ['a lazy line of 1 MB of blanks before a fence', () => 'a\n' + ' '.repeat(MB / 2) + '> ' + ' '.repeat(MB / 2) + '>```\u2028'],
  ['a sentence of 25k "e.g."', () => 'e.g. '.repeat(25000) + 'x'],
  ['a sentence of 20k cue phrases', () => 'it works well but one benefit of my issue, they argue. '.replace(/\. $/, ' ').repeat(5000) + '.'],
  ['a heading line of 1 MB', () => '# ' + 'Title word '.repeat(MB / 11)],
  ['a heading of 256 KB of brackets', () => '# ' + '[!['.repeat(MB / 12)],
  ['a heading with 1 MB of blanks inside', () => '# a' + ' '.repeat(MB) + 'b'],
  ['a heading with 1 MB of tabs and a line separator', () => '# a' + '\t'.repeat(MB) + 'b\u2028'],
];

const FIVE_MB: readonly [string, () => string][] = [
  ['one 5 MB line of prose', () => 'This is a weakness of it. '.repeat(Math.floor(5 * MB / 26))],
  ['one 5 MB word', () => 'a'.repeat(5 * MB)],
  ['"# " and 5 MB of spaces', () => '# ' + ' '.repeat(5 * MB)],
  ['"# " and 5 MB of spaces and a word', () => '# ' + ' '.repeat(5 * MB) + 'x'],
  ['5 MB of "> "', () => '> '.repeat(5 * MB / 2)],
  ['5 MB of "- "', () => '- '.repeat(5 * MB / 2)],
];

describe('robustness: pathological Markdown', function () {
  // Far below the minutes a quadratic scan would take, and above what the slowest case needs on 2
  // shared cores: 256 KB of brackets costs markdown-it itself about 1.7 s a render (its link-label
  // scan), the case renders three times, and it took 3–10 s in CI runs (once over 10 s).
  this.timeout(30000);
  const run = new Isolated();
  afterEach(() => run.reset());
  after(() => run.close());

  for (const [name, build] of MEDIUM) {
    it(name, async () => {
      const r = await run.run('surfaces', { text: inPaper(build()) });
      assert.deepEqual(r.unsafe, { panel: [], preview: [], export: [] });
      assert.equal(r.index.papers[0]?.title, TITLE);
      assert.ok(r.index.sentences.some((s) => s.kind === 'weakness'), 'the critique around the case is still found');
    });
  }

  // A 5 MB input takes seconds through markdown-it alone (and 200,000 highlighted sentences take
  // more): each stage is its own case, with a longer timeout that is still far below what a
  // quadratic pass over 5 MB would need (hours).
  for (const [name, build] of FIVE_MB) {
    for (const stage of ['index', 'panel', 'preview', 'export'] as const) {
      it(`${name}: ${stage}`, async function () {
        this.timeout(60000);
        const stages: Stage[] = stage === 'index' ? [] : [stage];
        const r = await run.run('surfaces', { text: inPaper(build()), stages });
        assert.deepEqual(r.unsafe, { panel: [], preview: [], export: [] });
        assert.ok(r.index.papers.length >= 1);
      });
    }
  }

  it('reads the notes of a deep quote down to the nesting limit, and no deeper', async () => {
    const text = inPaper(Array.from({ length: 40 }, (_v, i) => '>'.repeat(i + 1) + ` [!note] level ${i + 1}`).join('\n'));
    const r = await run.run('surfaces', { text });
    assert.deepEqual(r.index.notes.map((n) => n.depth), Array.from({ length: 32 }, (_v, i) => i + 1));
  });

  it('splits a 5 MB paragraph of sentences into every sentence', async function () {
    this.timeout(30000);
    const r = await run.run('surfaces', { text: inPaper('It is fast. '.repeat(400000)), stages: [] });
    assert.equal(r.index.sentenceCount, 400000 + 2);
  });
});
