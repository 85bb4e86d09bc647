import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectEol, noteForSelection, noteInsertionEdit, type InsertTarget } from '../../src/core/noteInsertion';
import { formatNote, parseNotes, sourceLines, type NoteSpec } from '../../src/core/notes';
import { applyTextEdit } from '../../src/core/textEdit';

const SPEC: NoteSpec = { kind: 'weakness', title: 'T', body: '', quote: 'q' };
const NOTE = '> [!weakness] T\n> > q';

/** The text after inserting SPEC at target; checks the edit only inserts. */
function insert(text: string, target: InsertTarget, spec: NoteSpec = SPEC): string {
  const edit = noteInsertionEdit(text, target, spec);
  assert.equal(edit.start, edit.end, 'the edit only inserts');
  return applyTextEdit(text, edit);
}

/** The offset just after the first occurrence of needle. */
function at(text: string, needle: string, after = 0): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + after;
}

describe('noteInsertionEdit at an offset', () => {
  it('inserts after the paragraph when the offset is in its middle', () => {
    const text = 'First line of p1\nsecond line of p1\n\nP2.\n';
    assert.equal(insert(text, { offset: at(text, 'line of p1') }), `First line of p1\nsecond line of p1\n\n${NOTE}\n\nP2.\n`);
  });

  it('adds the blank lines a paragraph followed directly by a heading lacks', () => {
    const text = 'Para.\n## Next\n';
    assert.equal(insert(text, { offset: 2 }), `Para.\n\n${NOTE}\n\n## Next\n`);
  });

  it('puts the note on a blank line between paragraphs, reusing it', () => {
    const text = 'P1.\n\nP2.\n';
    assert.equal(insert(text, { offset: 4 }), `P1.\n\n${NOTE}\n\nP2.\n`);
  });

  it('adds no blank line where a run of blank lines already gives one', () => {
    const text = 'P1.\n\n\nP2.\n';
    assert.equal(insert(text, { offset: 4 }), `P1.\n\n${NOTE}\n\nP2.\n`);
    assert.equal(insert(text, { offset: 5 }), `P1.\n\n\n${NOTE}\n\nP2.\n`);
  });

  it('inserts inside a list item, after its paragraph, at its content column', () => {
    const text = '- first item\n- second item\n';
    assert.equal(insert(text, { offset: at(text, 'first') }), '- first item\n\n  > [!weakness] T\n  > > q\n\n- second item\n');
  });

  it('inserts into nested and ordered list items at their content column', () => {
    const text = '* What\n  * sub item\n    continued\n  * other\n\n10. ten\n';
    assert.equal(
      insert(text, { offset: at(text, 'continued') }),
      '* What\n  * sub item\n    continued\n\n    > [!weakness] T\n    > > q\n\n  * other\n\n10. ten\n',
    );
    assert.equal(insert(text, { offset: at(text, 'ten') }), text + '\n    > [!weakness] T\n    > > q\n');
  });

  it('inserts after the item paragraph that holds the offset, before a sublist', () => {
    const text = '- parent\n  - child\n';
    assert.equal(insert(text, { offset: 3 }), '- parent\n\n  > [!weakness] T\n  > > q\n\n  - child\n');
  });

  it('keeps a note on a blank line inside a list item when the item goes on', () => {
    const text = '- item\n\n  more of the item\n\n- next\n\nAfter the list.\n';
    assert.equal(
      insert(text, { offset: at(text, '\n\n', 1) }),
      '- item\n\n  > [!weakness] T\n  > > q\n\n  more of the item\n\n- next\n\nAfter the list.\n',
    );
    assert.equal(
      insert(text, { offset: at(text, '- next\n', 7) }),
      '- item\n\n  more of the item\n\n- next\n\n> [!weakness] T\n> > q\n\nAfter the list.\n',
    );
  });

  it('moves out of a fenced code block, to after its closing fence', () => {
    const text = 'Before.\n\n```js\nconst a = 1;\n\n> not a quote\n```\nAfter.\n';
    const expected = `Before.\n\n\`\`\`js\nconst a = 1;\n\n> not a quote\n\`\`\`\n\n${NOTE}\n\nAfter.\n`;
    assert.equal(insert(text, { offset: at(text, 'const') }), expected);
    assert.equal(insert(text, { offset: at(text, '1;\n\n', 3) }), expected);
    assert.equal(insert(text, { offset: at(text, '```js') }), expected);
  });

  it('goes before a fence that is never closed, since everything after it is code', () => {
    assert.equal(insert('Para.\n~~~\ncode\n', { offset: 12 }), `Para.\n\n${NOTE}\n\n~~~\ncode\n`);
    assert.equal(insert('~~~\ncode\n', { offset: 5 }), `${NOTE}\n\n~~~\ncode\n`);
  });

  it('inserts after a whole quote or note, not inside it', () => {
    const text = '> [!idea] I\n> body\n> > quoted\nlazy\n\nNext.\n';
    assert.equal(insert(text, { offset: at(text, 'body') }), `> [!idea] I\n> body\n> > quoted\nlazy\n\n${NOTE}\n\nNext.\n`);
  });

  it('inserts after front matter when the offset is in it', () => {
    const text = '---\ntitle: X\n---\n# X\n';
    assert.equal(insert(text, { offset: 5 }), `---\ntitle: X\n---\n\n${NOTE}\n\n# X\n`);
  });

  it('handles the end of the text, with and without a final line break', () => {
    assert.equal(insert('Last line', { offset: 4 }), `Last line\n\n${NOTE}\n`);
    assert.equal(insert('Last line\n', { offset: 10 }), `Last line\n\n${NOTE}\n`);
    assert.equal(insert('Last line\n\n', { offset: 11 }), `Last line\n\n${NOTE}\n`);
    assert.equal(insert('', { offset: 0 }), `${NOTE}\n`);
  });

  it('uses the document line ending: CRLF and lone CR', () => {
    assert.equal(insert('P1.\r\n\r\nP2.\r\n', { offset: 1 }), 'P1.\r\n\r\n> [!weakness] T\r\n> > q\r\n\r\nP2.\r\n');
    assert.equal(insert('P1.\rP2.\r\rP3.', { offset: 5 }), 'P1.\rP2.\r\r> [!weakness] T\r> > q\r\rP3.');
  });

  it('never touches a BOM', () => {
    assert.equal(insert('\uFEFFText.\n', { offset: 0 }), `\uFEFFText.\n\n${NOTE}\n`);
    assert.equal(insert('\uFEFF', { offset: 0 }), `\uFEFF${NOTE}\n`);
    assert.equal(insert('\uFEFF\nText.\n', { offset: 1 }), `\uFEFF\n${NOTE}\n\nText.\n`);
  });

  it('clamps offsets outside the text', () => {
    assert.equal(insert('Text.', { offset: 99 }), `Text.\n\n${NOTE}\n`);
    assert.equal(insert('Text.', { offset: -5 }), `Text.\n\n${NOTE}\n`);
  });
});

describe('noteInsertionEdit at the end of a paper', () => {
  const doc = '### Paper A\nProse of A.\n\n### Paper B\nProse of B.';
  const paperB = doc.indexOf('### Paper B');

  it('inserts before the next paper heading, with one blank line each side', () => {
    assert.equal(insert(doc, { paperEnd: { start: 0, end: paperB } }),
      `### Paper A\nProse of A.\n\n${NOTE}\n\n### Paper B\nProse of B.`);
  });

  it('reuses several blank lines before the next heading', () => {
    const text = '# A\nText.\n\n\n\n# B\n';
    assert.equal(insert(text, { paperEnd: { start: 0, end: text.indexOf('# B') } }), `# A\nText.\n\n${NOTE}\n\n\n# B\n`);
  });

  it('adds the blank lines when the next heading follows directly', () => {
    const text = '# A\nText.\n# B\n';
    assert.equal(insert(text, { paperEnd: { start: 0, end: text.indexOf('# B') } }), `# A\nText.\n\n${NOTE}\n\n# B\n`);
  });

  it('ends the file with one line break, with or without a final one before', () => {
    assert.equal(insert(doc, { paperEnd: { start: paperB, end: doc.length } }), `${doc}\n\n${NOTE}\n`);
    assert.equal(insert(doc + '\n', { paperEnd: { start: paperB, end: doc.length + 1 } }), `${doc}\n\n${NOTE}\n`);
  });

  it('stays outside a list that ends the paper', () => {
    const text = '# A\n- one\n- two\n\n# B\n';
    assert.equal(insert(text, { paperEnd: { start: 0, end: text.indexOf('# B') } }), `# A\n- one\n- two\n\n${NOTE}\n\n# B\n`);
  });

  it('works in CRLF, lone-CR and BOM files', () => {
    const crlf = '\uFEFF# A\r\nText.\r\n# B\r\n';
    assert.equal(insert(crlf, { paperEnd: { start: 1, end: crlf.indexOf('# B') } }),
      '\uFEFF# A\r\nText.\r\n\r\n> [!weakness] T\r\n> > q\r\n\r\n# B\r\n');
    const cr = '# A\rText.\r';
    assert.equal(insert(cr, { paperEnd: { start: 0, end: cr.length } }), '# A\rText.\r\r> [!weakness] T\r> > q\r');
  });

  it('goes before a fence that the paper leaves open', () => {
    const text = '# A\nText.\n```\ncode\n';
    assert.equal(insert(text, { paperEnd: { start: 0, end: text.length } }), `# A\nText.\n\n${NOTE}\n\n\`\`\`\ncode\n`);
  });

  it('inserts after the heading of an empty paper', () => {
    const text = '# A\n\n# B\n';
    assert.equal(insert(text, { paperEnd: { start: 0, end: 5 } }), `# A\n\n${NOTE}\n\n# B\n`);
  });
});

describe('detectEol', () => {
  it('returns the most frequent line ending, \\n by default', () => {
    assert.equal(detectEol(''), '\n');
    assert.equal(detectEol('a\r\nb\r\nc\n'), '\r\n');
    assert.equal(detectEol('a\rb\rc\r\n'), '\r');
    assert.equal(detectEol('a\nb\r\nc\n'), '\n');
  });
});

describe('noteForSelection', () => {
  it('quotes the selection with markers, bullets and line breaks folded away', () => {
    assert.deepEqual(noteForSelection('  The model would\r\n> > either be   way too large\n- to store/train ', 'weakness'),
      { kind: 'weakness', title: '', body: '', quote: 'The model would either be way too large to store/train', fold: '' });
    assert.equal(noteForSelection('1. first\n2) second\n* [ ] task', 'idea').quote, 'first second task');
  });

  it('keeps hyphens and numbers that are not markers', () => {
    assert.equal(noteForSelection('-based models in 2017.', 'note').quote, '-based models in 2017.');
  });

  it('has no quote for a blank selection', () => {
    assert.equal(noteForSelection(' \n> ', 'question').quote, undefined);
  });
});

describe('noteInsertionEdit (property)', () => {
  const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'paper-summaries.md'), 'utf8');
  const synthetic = [
    '---', 'title: Synthetic', '---', '# Paper', '', 'Intro paragraph', 'on two lines.', '', '* What',
    '  * nested item', '    lazy continued', '  * other', '', '    second paragraph of other', '1. one', '2. two',
    '', '> quote', '> > [!idea] nested callout', '> > body', '', '```', '> not a quote', '', '```', '', '~~~',
    'unclosed', '',
  ].join('\n');

  it('inserts a note that parses back, with a blank line on each side, at every line', () => {
    const spec: NoteSpec = { kind: 'Idea', title: 'Tïtle 🚀', body: 'b1\n\nb2', quote: 'quoted', fold: '-' };
    for (const [name, base] of [['fixture', fixture], ['synthetic', synthetic]] as const) {
      for (const eol of ['\n', '\r\n', '\r'] as const) {
        const text = base.replace(/\r\n|\r|\n/g, eol);
        const before = parseNotes(text).length;
        const offsets = sourceLines(text).flatMap((l) => [l.start, (l.start + l.end) >> 1, l.end]).concat(text.length);
        for (const offset of offsets) {
          const ctx = `${name} ${JSON.stringify(eol)} offset ${offset}`;
          const edit = noteInsertionEdit(text, { offset }, spec);
          const after = applyTextEdit(text, edit);
          const notes = parseNotes(after);
          assert.equal(notes.length, before + 1, ctx);
          const n = notes.find((x) => x.title === spec.title);
          assert.ok(n, ctx);
          assert.ok(n.start >= edit.start && n.end <= edit.start + edit.newText.length, ctx);
          assert.deepEqual([n.rawKind, n.fold, n.body, n.quote], ['Idea', '-', 'b1\n\nb2', 'quoted'], ctx);
          assert.equal(after.slice(n.start, n.end), formatNote(spec, eol, n.layout.indent), ctx);
          const lines = sourceLines(after);
          const blank = (i: number) => /^[ \t]*$/.test(after.slice(lines[i].start, lines[i].end));
          assert.ok(blank(n.line - 2), `${ctx}: blank line before`);
          assert.ok(n.endLine === lines.length || blank(n.endLine), `${ctx}: blank line after`);
        }
      }
    }
  });
});
