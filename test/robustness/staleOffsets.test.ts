// A position computed for one text is used on a newer text only where the change provably left it
// alone (mapOffset): the note commands recompute their place this way, or refuse.
import { strict as assert } from 'node:assert';
import { applyTextEdit, mapOffset } from '../../src/core/textEdit';

describe('robustness: positions across concurrent edits (mapOffset)', () => {
  const before = 'First sentence. Second sentence. Third sentence.';
  const at = before.indexOf('Second');

  it('keeps a position before the change and shifts one after it', () => {
    const after = applyTextEdit(before, { start: before.indexOf('Third'), end: before.indexOf('Third'), newText: 'Inserted. ' });
    assert.equal(mapOffset(before, after, at), at);
    const earlier = applyTextEdit(before, { start: 0, end: 5, newText: 'The first' });
    assert.equal(mapOffset(before, earlier, at), at + 4);
    assert.equal(earlier.slice(at + 4, at + 10), 'Second');
  });

  it('refuses a position the change covers or touches', () => {
    const deleted = applyTextEdit(before, { start: at, end: at + 'Second sentence. '.length, newText: '' });
    for (let k = at; k <= at + 'Second sentence. '.length; k++) assert.equal(mapOffset(before, deleted, k), undefined, `offset ${k}`);
    const typedThere = applyTextEdit(before, { start: at, end: at, newText: 'New. ' });
    assert.equal(mapOffset(before, typedThere, at), undefined);
  });

  it('is the identity on an unchanged text, and maps across CRLF and surrogate pairs', () => {
    assert.equal(mapOffset(before, before, 7), 7);
    const crlf = 'a\r\nb 😀 c\r\nd';
    const changed = 'X' + crlf;
    assert.equal(mapOffset(crlf, changed, crlf.indexOf('c')), crlf.indexOf('c') + 1);
  });

  it('stays linear on megabyte texts', function () {
    this.timeout(10000);
    const big = 'word '.repeat(400000);
    assert.equal(mapOffset(big, big + 'tail', 1000), 1000);
    assert.equal(mapOffset(big, 'head' + big, 1000), 1004);
  });
});
