// The prose classifier as the indexer drives it: sentences kept in the caller's records, some left
// out (decided by notes or sections), classified block by block and read from the document's code
// units. Every way must give classifyProse's verdicts.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyProse, classifySentences, ProseClassifier, type ProseInput, type ProseVerdict } from '../../src/core/critique';
import { indexDocument } from '../../src/core/indexer';
import { CodeUnits } from '../../src/core/codeUnits';

const founding = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'paper-summaries.md'), 'utf8');

/** The founding document's prose sentences, as the classifier sees them. */
function inputs(): ProseInput[] {
  return indexDocument(founding).sentences
    .filter((s) => s.source === 'prose' || s.source === 'none')
    .map((s) => ({ text: s.text, block: s.paper * 1000 + s.block, blockType: s.blockType }));
}

function collect(run: (verdict: (k: number, kind: ProseVerdict['kind'], cue: string) => void) => void): ProseVerdict[] {
  const out: ProseVerdict[] = [];
  run((k, kind, cue) => { out[k] = { kind, cue }; });
  return out;
}

describe('classifySentences and ProseClassifier', () => {
  it('give classifyProse\'s verdicts, all at once or block by block', () => {
    const list = inputs();
    const expected = classifyProse(list);
    assert.ok(expected.some((v) => v.kind === 'weakness') && expected.some((v) => v.cue.startsWith('carry-over')));
    assert.deepEqual(collect((verdict) => classifySentences(list, (k) => list[k].block, {}, verdict)), expected);
    const byBlock = collect((verdict) => {
      const classifier = new ProseClassifier(list, (k) => list[k].block, {}, verdict);
      let from = 0;
      for (let k = 1; k <= list.length; k++) {
        if (k === list.length || list[k].block !== list[from].block) { classifier.classify(from, k); from = k; }
      }
      classifier.end();
    });
    assert.deepEqual(byBlock, expected);
  });

  it('skips the sentences left out, as if they were not there', () => {
    const list = inputs();
    // Every third sentence is left out: the others read as a list without them would.
    const kept = list.filter((_s, k) => k % 3 !== 1);
    const expected = classifyProse(kept);
    const got = collect((verdict) => classifySentences(list, (k) => (k % 3 === 1 ? undefined : list[k].block), {}, verdict));
    assert.deepEqual(got.filter((_v, k) => k % 3 !== 1), expected);
    assert.equal(got.filter((v) => v !== undefined).length, kept.length);
  });

  it('reads sentences where they stand in a text\'s code units as it reads their own strings', () => {
    const sentences = indexDocument(founding).sentences.filter((s) => founding.slice(s.start, s.end) === s.text);
    const list = sentences.map((s) => ({ text: s.text, block: s.paper * 1000 + s.block }));
    const codes = new CodeUnits(16, 1 << 20).of(founding);
    const inPlace = collect((verdict) => classifySentences(list, (k) => list[k].block, {}, verdict, { codes, offsetOf: (k) => sentences[k].start }));
    assert.deepEqual(inPlace, classifyProse(list));
  });
});

describe('the classifier\'s vocabulary', () => {
  it('forgets learned words past its limit between documents and reads as before afterwards', () => {
    const reference = inputs();
    const before = classifyProse(reference, { cues: { weakness: ['needs a larger corpus'] } });
    // More than 50,000 distinct long words (each learned once); those ending in "ed" are never
    // taken for a misspelt critique noun, which keeps this quick.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = (k: number) => `w${letters[k % 26]}${letters[(k / 26 | 0) % 26]}${letters[(k / 676 | 0) % 26]}${letters[(k / 17576 | 0) % 26]}xed`;
    const many = Array.from({ length: 600 }, (_v, s) => ({
      text: Array.from({ length: 100 }, (_w, k) => word(s * 100 + k)).join(' ') + '.', block: s,
    }));
    classifyProse(many);
    classifyProse([{ text: 'A short one.', block: 0 }]); // the next classification forgets
    assert.deepEqual(classifyProse(reference, { cues: { weakness: ['needs a larger corpus'] } }), before);
    assert.equal(classifyProse([{ text: 'One weekness is the memory.', block: 0 }])[0].kind, 'weakness');
  });
});
