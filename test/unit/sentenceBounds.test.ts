// splitSentencesInto: the splitter the indexer runs over a document's code units in place. It must
// split as splitSentences splits the folded block, and say which sentences need folding.
import { strict as assert } from 'node:assert';
import { HAS_BREAK, LOOSE, splitSentences, splitSentencesInto } from '../../src/core/sentences';
import { CodeUnits } from '../../src/core/codeUnits';

const reader = new CodeUnits(64, 1 << 16);

/** [start, end, bits] triples of text[lo, hi) with its first from - lo characters left out. */
function triples(text: string, lo = 0, from = lo, hi = text.length): number[][] {
  const out: number[] = [];
  const count = splitSentencesInto(reader.of(text), lo, from, hi, out);
  const rows: number[][] = [];
  for (let k = 0; k < count; k += 3) rows.push([out[k], out[k + 1], out[k + 2]]);
  return rows;
}

describe('splitSentencesInto', () => {
  it('splits a range of a larger text as splitSentences splits that range alone', () => {
    const block = 'It works. Does it scale? I doubt it, e.g. on long inputs. Smith et al. They show it.';
    const text = `# Heading\n\n${block}\n\nNext paragraph.`;
    const lo = text.indexOf(block);
    const got = triples(text, lo, lo, lo + block.length).map(([s, e]) => text.slice(s, e));
    assert.deepEqual(got, splitSentences(block).map((r) => block.slice(r.start, r.end)));
  });

  it('leaves a list marker out as if it were spaces', () => {
    const line = '1. First point. Second point here.';
    const folded = '   First point. Second point here.';
    const got = triples(line, 0, 3).map(([s, e]) => [s, e]);
    assert.deepEqual(got, splitSentences(folded).map((r) => [r.start, r.end]));
  });

  it('treats line breaks as the spaces they become in the folded block', () => {
    const text = 'The model is slow.\nIt needs\r\nmore memory. Fine.';
    const folded = text.replace(/[\r\n]/g, ' ');
    assert.deepEqual(triples(text).map(([s, e]) => [s, e]), splitSentences(folded).map((r) => [r.start, r.end]));
  });

  it('marks the sentences that hold a line break or a loose run of white space', () => {
    const text = 'Plain one. Has a\nbreak. Two  spaces. A\tgap. Crlf\r\nhere. No\u00a0\u2028mix. Last one.';
    const bits = Object.fromEntries(triples(text).map(([s, e, b]) => [text.slice(s, e), b]));
    assert.equal(bits['Plain one.'], 0);
    assert.equal(bits['Has a\nbreak.'], HAS_BREAK);
    assert.equal(bits['Two  spaces.'], LOOSE);
    assert.equal(bits['A\tgap.'], LOOSE);
    assert.equal(bits['Crlf\r\nhere.'], HAS_BREAK | LOOSE);
    assert.equal(bits['No\u00a0\u2028mix.'], LOOSE);
    assert.equal(bits['Last one.'], 0);
  });

  it('does not count white space around a sentence, only inside it', () => {
    const text = '  First.  \n\n  Second.  ';
    assert.deepEqual(triples(text).map(([, , b]) => b), [0, 0]);
  });

  it('writes from index 0, leaves later entries of a reused array alone and returns its count', () => {
    const out = [9, 9, 9, 9, 9, 9, 9, 9, 9, 42];
    const count = splitSentencesInto(reader.of('One. Two.'), 0, 0, 9, out);
    assert.equal(count, 6);
    assert.deepEqual(out.slice(0, 6), [0, 4, 0, 5, 9, 0]);
    assert.equal(out[9], 42);
  });
});
