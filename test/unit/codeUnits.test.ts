// CodeUnits: a text's UTF-16 code units in a reusable typed array, exactly as charCodeAt reads them.
import { strict as assert } from 'node:assert';
import { CodeUnits } from '../../src/core/codeUnits';

function units(text: string): number[] {
  return Array.from({ length: text.length }, (_v, i) => text.charCodeAt(i));
}

describe('CodeUnits', () => {
  it('copies an ASCII text longer than a few lines (the encoder path)', () => {
    const text = 'A plain ASCII summary. It works well.\n'.repeat(40);
    const codes = new CodeUnits(16, 1 << 16).of(text);
    assert.deepEqual(Array.from(codes.subarray(0, text.length)), units(text));
  });

  it('copies a text with other characters, surrogate pairs and lone surrogates unit by unit', () => {
    const text = `${'naïve “quoted” 中文 '.repeat(20)}\u{1F600} \ud800 x \udc00 end`;
    const codes = new CodeUnits(16, 1 << 16).of(text);
    assert.deepEqual(Array.from(codes.subarray(0, text.length)), units(text));
  });

  it('copies a range of a text to the start of the buffer', () => {
    const text = 'before|the range|after';
    const codes = new CodeUnits(4, 1 << 16).of(text, 7, 16);
    assert.equal(String.fromCharCode(...codes.subarray(0, 9)), 'the range');
  });

  it('reuses its buffer and grows it for a longer text', () => {
    const reader = new CodeUnits(8, 1 << 16);
    const first = reader.of('short');
    assert.equal(reader.of('tiny'), first);
    const long = 'x'.repeat(1000);
    const grown = reader.of(long);
    assert.ok(grown.length >= 1000);
    assert.deepEqual(Array.from(grown.subarray(0, 4)), units('xxxx'));
  });

  it('drops a buffer larger than it keeps once released, and still reads texts afterwards', () => {
    const reader = new CodeUnits(8, 64);
    const big = reader.of('y'.repeat(500));
    reader.release();
    const after = reader.of('after');
    assert.notEqual(after, big);
    assert.equal(String.fromCharCode(...after.subarray(0, 5)), 'after');
  });
});

describe('CodeUnits on long texts (copied chunk by chunk from their UTF-8)', () => {
  it('copies texts of every mix: ASCII, a few others, pairs across chunks, lone surrogates, CJK', () => {
    const reader = new CodeUnits(16, 1 << 20);
    const chunk = 1 << 15;
    const texts = [
      'plain '.repeat(20000),
      `${'plain text with a “quote” now and then. '.repeat(3000)}end`,
      `${'x'.repeat(chunk - 1)}\u{1F600}${'y'.repeat(100)}`,
      `${'z'.repeat(chunk - 1)}\ud800${'w'.repeat(50)}\udc00 tail \u{1F600}`,
      `${'中文字符'.repeat(20000)} then ASCII`,
      `${'é'.repeat(10)}${'a'.repeat(70000)}ü`,
    ];
    for (const text of texts) assert.deepEqual(Array.from(reader.of(text).subarray(0, text.length)), units(text));
  });
});
