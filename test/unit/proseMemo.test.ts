// The memo that makes re-indexing after an edit cheap: it must never change a verdict, and it must
// read again only the sentences an edit changed.
import { strict as assert } from 'node:assert';
import { indexDocument, IndexMemo } from '../../src/core/indexer';
import type { DocumentIndex, IndexOptions } from '../../src/core/model';
import { corpusTexts, fixtureText } from '../fixtureTexts';

const founding = fixtureText('paper-summaries.md');

/** What a user sees of an index's sentences. */
function verdicts(index: DocumentIndex): string[] {
  return index.sentences.map((s) => `${s.start}-${s.end} ${s.kind} ${s.source} ${s.cue}`);
}

function same(text: string, memo: IndexMemo, options: IndexOptions = {}): void {
  assert.deepEqual(verdicts(indexDocument(text, { ...options, memo })), verdicts(indexDocument(text, options)));
}

describe('IndexMemo', () => {
  it('gives the same verdicts as no memo, on the founding document and every corpus file', () => {
    const memo = new IndexMemo();
    same(founding, memo);
    same(founding, memo); // again, all from the memo
    assert.equal(memo.misses, 0);
    for (const text of corpusTexts()) same(text, memo);
  });

  it('reads again only the sentence an edit changed', () => {
    const memo = new IndexMemo();
    const first = indexDocument(founding, { memo });
    const total = first.sentences.filter((s) => s.source !== 'note' && s.source !== 'section').length;
    assert.equal(memo.misses + memo.hits, total);
    const at = founding.indexOf('First of all');
    assert.ok(at > 0);
    const edited = `${founding.slice(0, at)}Very much first of all${founding.slice(at + 'First of all'.length)}`;
    const again = indexDocument(edited, { memo });
    assert.equal(memo.misses, 1, 'one sentence read again');
    assert.equal(memo.hits, total - 1);
    assert.deepEqual(verdicts(again), verdicts(indexDocument(edited)), 'the same verdicts as a full indexing');
  });

  it('keeps carry-over right when an edit changes the sentence that opens it', () => {
    const memo = new IndexMemo();
    const text = '# Learning to Rank Papers\n\nThe method predicts labels.\n\nHowever, it does have a few weaknesses. First of all, the data is small. Second, it is slow.\n';
    const before = indexDocument(text, { memo });
    assert.deepEqual(before.sentences.map((s) => s.kind), ['neutral', 'weakness', 'weakness', 'weakness']);
    const edited = text.replace('However, it does have a few weaknesses.', 'It was published in 2019.');
    const after = indexDocument(edited, { memo });
    assert.equal(memo.misses, 1);
    assert.deepEqual(verdicts(after), verdicts(indexDocument(edited)));
    assert.notEqual(after.sentences[2].kind, 'weakness', 'the enumeration is gone with its announcement');
  });

  it('forgets everything when the user cues change, and follows the new cues', () => {
    const memo = new IndexMemo();
    const text = '# Learning to Rank Papers\n\nThe model hallucinates citations. It runs on one GPU.\n';
    indexDocument(text, { memo });
    const cues = { weakness: ['hallucinates citations'] };
    const withCues = indexDocument(text, { memo, cues });
    assert.equal(memo.hits, 0, 'nothing reused across cue sets');
    assert.equal(withCues.sentences[0].kind, 'weakness');
    assert.deepEqual(verdicts(withCues), verdicts(indexDocument(text, { cues })));
  });

  it('keeps only the sentences of the last indexing', () => {
    const memo = new IndexMemo();
    indexDocument(founding, { memo });
    indexDocument('# Learning to Rank Papers\n\nOne short sentence here.\n', { memo });
    indexDocument(founding, { memo });
    assert.equal(memo.hits, 0, 'the founding document was forgotten when another text was indexed');
  });
});
