// The line-level block scanner reads each line in place: the tests below pin the line forms whose
// checks it makes by hand (list markers, math, tables, thematic breaks) and the line table.
import { strict as assert } from 'node:assert';
import { scanBlocks } from '../../src/core/blocks';
import { buildLineTable } from '../../src/core/lines';
import { isThematicBreak, isThematicBreakAt } from '../../src/core/thematicBreak';

function kinds(text: string): string[] {
  return scanBlocks(text).blocks.map((b) => `${b.kind} ${b.firstLine}-${b.lastLine}`);
}

describe('scanBlocks: lines read in place', () => {
  it('knows list markers: bullets, 1 to 9 digits, a blank or the line end after them', () => {
    assert.deepEqual(kinds('- a\n* b\n+ c\n1. d\n123456789) e\n-\n'), [
      'list-item 0-0', 'list-item 1-1', 'list-item 2-2', 'list-item 3-3', 'list-item 4-4', 'list-item 5-5',
    ]);
    assert.deepEqual(kinds('1234567890. ten digits\n\n-x\n\n2.no blank'), ['paragraph 0-0', 'paragraph 2-2', 'paragraph 4-4']);
    const b = scanBlocks('   12)   item').blocks[0];
    assert.deepEqual([b.kind, b.markerIndent, b.contentIndent], ['list-item', 3, 9]);
  });

  it('lets only a list starting at 1 interrupt a paragraph', () => {
    assert.deepEqual(kinds('Text\n2. two'), ['paragraph 0-1']);
    assert.deepEqual(kinds('Text\n1. one'), ['paragraph 0-0', 'list-item 1-1']);
  });

  it('finds $$ math blocks however far apart, and ignores $$ inside a line', () => {
    assert.deepEqual(kinds('a\n\n$$\nx\n$$\n\nb $$ c\n\n$$ y $$'), ['paragraph 0-0', 'math 2-4', 'paragraph 6-6', 'math 8-8']);
  });

  it('turns a paragraph into a table at a delimiter row and continues it while lines have pipes', () => {
    assert.deepEqual(kinds('a | b\n--|--\n1 | 2\nno pipe'), ['table 0-2', 'paragraph 3-3']);
    assert.deepEqual(kinds('a | b\nnot a delimiter'), ['paragraph 0-1']);
  });

  it('reads setext headings and thematic breaks', () => {
    const scan = scanBlocks('Title\n===\n\nPara\n- - -\nAfter');
    assert.deepEqual(scan.headings.map((h) => [h.text, h.level, h.setext]), [['Title', 1, true]]);
    assert.deepEqual(scan.blocks.map((b) => `${b.kind} ${b.firstLine}`), ['paragraph 3', 'paragraph 5']);
  });
});

describe('isThematicBreakAt', () => {
  it('tests a range of a text as isThematicBreak tests that line', () => {
    const text = 'before\n  * * *\n----x\nafter';
    const lines = buildLineTable(text);
    for (let i = 0; i < lines.count; i++) {
      const line = text.slice(lines.starts[i], lines.ends[i]);
      assert.equal(isThematicBreakAt(text, lines.starts[i], lines.ends[i]), isThematicBreak(line), line);
    }
    assert.equal(isThematicBreakAt(text, lines.starts[1], lines.ends[1]), true);
  });
});

describe('buildLineTable', () => {
  it('gives every line\'s start and end, with \\n, \\r\\n or \\r breaks', () => {
    for (const eol of ['\n', '\r\n', '\r'] as const) {
      const text = ['one', '', 'three', ''].join(eol);
      const table = buildLineTable(text);
      assert.equal(table.count, 4);
      assert.equal(table.eol, eol);
      assert.deepEqual(Array.from({ length: table.count }, (_v, i) => text.slice(table.starts[i], table.ends[i])), ['one', '', 'three', '']);
    }
  });
});
