// The memo that makes re-indexing after an edit cheap must never change an index: after any edit,
// indexing with the document's memo gives exactly the index a fresh indexing gives. Random edit
// sequences (typing, deleting, line breaks, Markdown syntax, pasted stretches) over real summaries
// check that, and the reuse it exists for is checked too: an edit in prose takes the other units
// and the notes as they were.

import { strict as assert } from 'node:assert';
import { indexDocument, IndexMemo } from '../../src/core/indexer';
import { commonPrefix, commonSuffix, editLeavesNotes } from '../../src/core/indexMemo';
import { parseNotes } from '../../src/core/notes';
import { seededRandom as random } from '../seededRandom';
import { corpusTexts, fixtureText } from '../fixtureTexts';

const founding = fixtureText('paper-summaries.md');
const structured = fixtureText('structured-notes.md');

/** What may be typed or pasted: words, line breaks and the syntax that changes a document's structure. */
const SNIPPETS = [
  ' however', 'x', ' weakness', '.', '. It is slow', '\n', '\n\n', '\r\n', '\r', '> ', '> [!weakness] Too slow\n> It is.',
  '> > quoted text', '[!note]', '```\n', '~~~', '# ', '### A Paper\n', '- ', '1. ', '    ', '\t', '**Weaknesses:**\n',
  '## Strengths\n', '---\n', '<div>', '* ', '  ', '"', 'e.g. ', '?', ' First of all, it is bad.',
];

function edit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.35) return text.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)] + text.slice(at);
  if (r < 0.55) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 40)));
  if (r < 0.7) {
    // Typing at the start of a line, where the first character decides what the line is.
    const line = text.lastIndexOf('\n', at - 1) + 1;
    return text.slice(0, line) + (rand() < 0.5 ? 'Very ' : '> ') + text.slice(line);
  }
  if (r < 0.85) {
    // A stretch of the document pasted elsewhere.
    const from = Math.floor(rand() * text.length);
    return text.slice(0, at) + text.slice(from, from + Math.floor(rand() * 300)) + text.slice(at);
  }
  // A word typed inside a word or between words.
  return text.slice(0, at) + (rand() < 0.5 ? 'ing' : ' not') + text.slice(at);
}

/** Edits `text` `steps` times; after each edit the memo's index must equal a fresh one. */
function checkEdits(text: string, seed: number, steps: number): { unitsReused: number; notesReused: number } {
  const rand = random(seed);
  const memo = new IndexMemo();
  let current = text;
  let unitsReused = 0;
  let notesReused = 0;
  assert.deepStrictEqual(indexDocument(current, { memo, fileName: 'a.md' }), indexDocument(current, { fileName: 'a.md' }));
  for (let k = 0; k < steps; k++) {
    current = edit(current, rand);
    const withMemo = indexDocument(current, { memo, fileName: 'a.md' });
    assert.deepStrictEqual(withMemo, indexDocument(current, { fileName: 'a.md' }), `seed ${seed}, edit ${k}`);
    unitsReused += memo.unitsReused;
    if (memo.notesReused) notesReused++;
  }
  return { unitsReused, notesReused };
}

describe('IndexMemo', () => {
  it('gives the index a fresh indexing gives after every edit of random edit sequences (founding document, notes fixture)', () => {
    let units = 0;
    let notes = 0;
    for (let seed = 1; seed <= 12; seed++) {
      units += checkEdits(founding, seed, 30).unitsReused;
      const r = checkEdits(structured, 100 + seed, 30);
      units += r.unitsReused;
      notes += r.notesReused;
    }
    assert.ok(units > 1000, `unchanged units were reused (${units})`);
    assert.ok(notes > 20, `notes were reused after edits that leave them (${notes})`);
  });

  it('gives the index a fresh indexing gives after random edits of every corpus file, and of all of them as one file', () => {
    const texts = corpusTexts();
    texts.forEach((t, k) => checkEdits(t, 1000 + k, 6));
    const all = texts.join('\n\n');
    const { unitsReused } = checkEdits(all, 7, 12);
    assert.ok(unitsReused > 12 * 1000, `most units were reused (${unitsReused})`);
  });

  it('reuses every other unit and the notes when a word is typed in prose, and reads one sentence again', () => {
    const memo = new IndexMemo();
    const first = indexDocument(structured, { memo });
    assert.ok(first.notes.length > 0);
    const at = structured.indexOf(' identity shortcuts');
    assert.ok(at > 0);
    const edited = `${structured.slice(0, at)} quite${structured.slice(at)}`;
    const again = indexDocument(edited, { memo });
    assert.equal(memo.notesReused, true);
    assert.equal(memo.misses, 1);
    assert.ok(memo.unitsReused > 0);
    assert.deepStrictEqual(again, indexDocument(edited));
  });

  it('parses the notes again when an edit may change them', () => {
    const text = '# A Paper\n\nSome text here.\n\n> [!weakness] Slow\n> It is slow.\nLazy line.\n\nAfter.\n\n- An item\n  1. Nested `code`\n';
    const notes = parseNotes(text);
    const check = (edited: string): boolean => {
      const p = commonPrefix(text, edited);
      const s = commonSuffix(text, edited, Math.min(text.length, edited.length) - p);
      return editLeavesNotes(text, edited, p, text.length - s, edited.length - s, notes);
    };
    const insert = (anchor: string, what: string): string => text.replace(anchor, `${anchor}${what}`);
    assert.equal(check(insert('Some', ' more')), true, 'a word in a paragraph away from the note');
    assert.equal(check(insert('After', ' all')), true);
    assert.equal(check(insert('Lazy', ' more')), false, 'a lazy line of the note');
    assert.equal(check(insert('It is', ' very')), false, 'inside the note');
    assert.equal(check(insert('Some text here.', '\n')), false, 'a line break');
    assert.equal(check(text.replace('Some', '> Some')), false, 'a line that becomes a quote');
    assert.equal(check(text.replace('Some', '```')), false, 'a fence');
    assert.equal(check(text.replace('Some', '    Some')), false, 'indentation');
    assert.equal(check(text.replace('After.', 'Other.')), true, 'the first letter replaced by a letter');
    assert.equal(check(insert('An', ' other')), true, 'a list item');
    assert.equal(check(insert('Nested', ' deeper')), true, 'a nested list item');
    assert.equal(check(insert('# A', 'n other')), true, 'a heading');
    assert.equal(check(text.replace('An item', '```')), false, 'a fence in a list item');
    assert.equal(check(text.replace('- An', '-An')), false, 'a list marker undone');
    assert.equal(check(text.replace('- An', '- [!note] An')), false, 'a callout in the making');
  });

  it('finds the common start and end of two texts across chunk boundaries', () => {
    const a = 'x'.repeat(1000) + 'abc' + 'y'.repeat(700);
    const b = 'x'.repeat(1000) + 'aXc' + 'y'.repeat(700);
    assert.equal(commonPrefix(a, b), 1001);
    assert.equal(commonSuffix(a, b, a.length - 1001), 701);
    assert.equal(commonPrefix(a, a), a.length);
    assert.equal(commonSuffix('ab', 'b', 1), 1);
    assert.equal(commonPrefix('', 'abc'), 0);
  });
});
