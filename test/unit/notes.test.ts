import { strict as assert } from 'node:assert';
import { seededRandom as rng } from '../seededRandom';
import { formatNote, noteKindOf, parseNotes, serializeNote, type NoteSpec, type ParsedNote } from '../../src/core/notes';

/** The parts formatNote takes, read back from a parsed note. */
function specOf(n: ParsedNote): NoteSpec {
  return { kind: n.rawKind, title: n.title, body: n.body, quote: n.quote, fold: n.fold };
}

function only(text: string): ParsedNote {
  const notes = parseNotes(text);
  assert.equal(notes.length, 1, `expected one note in ${JSON.stringify(text)}`);
  return notes[0];
}

describe('parseNotes', () => {
  it('reads a callout with title, body and quoted sentence, with exact offsets and lines', () => {
    const note = [
      '> [!weakness] Cannot attend over a whole book',
      '> The context is a few paragraphs, so the start of a book is forgotten.',
      '> > The model would either be way too large to store/train',
    ].join('\n');
    const text = '### Attention\n\nSome prose.\n\n' + note + '\n\nMore prose.\n';
    const n = only(text);
    assert.equal(n.kind, 'weakness');
    assert.equal(n.rawKind, 'weakness');
    assert.equal(n.fold, '');
    assert.equal(n.title, 'Cannot attend over a whole book');
    assert.equal(n.body, 'The context is a few paragraphs, so the start of a book is forgotten.');
    assert.equal(n.quote, 'The model would either be way too large to store/train');
    assert.equal(n.start, text.indexOf('> [!weakness]'));
    assert.equal(n.end, text.indexOf('\n\nMore prose'));
    assert.equal(n.line, 5);
    assert.equal(n.endLine, 7);
    assert.equal(n.paper, -1);
    assert.equal(n.depth, 1);
    assert.equal(text.slice(n.start, n.end), note);
  });

  it('accepts fold markers and any letter case, keeping the kind as written', () => {
    const [a, b, c] = parseNotes('> [!Weakness]- Folded\n> x\n\n> [!IDEA]+ Open\n\n> [!qUeStIoN]\n');
    assert.deepEqual([a.kind, a.rawKind, a.fold, a.title], ['weakness', 'Weakness', '-', 'Folded']);
    assert.deepEqual([b.kind, b.rawKind, b.fold, b.title], ['idea', 'IDEA', '+', 'Open']);
    assert.deepEqual([c.kind, c.rawKind, c.fold, c.title, c.body], ['question', 'qUeStIoN', '', '', '']);
  });

  it('maps GitHub alerts and keeps unknown kinds as notes', () => {
    const text = ['TIP', 'WARNING', 'CAUTION', 'IMPORTANT', 'NOTE', 'custom-thing', 'Résumé']
      .map((k) => `> [!${k}]\n> text`).join('\n\n');
    const notes = parseNotes(text);
    assert.deepEqual(notes.map((n) => n.kind), ['strength', 'weakness', 'weakness', 'question', 'note', 'note', 'note']);
    assert.deepEqual(notes.map((n) => n.rawKind), ['TIP', 'WARNING', 'CAUTION', 'IMPORTANT', 'NOTE', 'custom-thing', 'Résumé']);
  });

  it('ends a note at a blank line, so adjacent callouts are separate notes', () => {
    const notes = parseNotes('> [!strength] A\n> a body\n\n> [!weakness] B\n> b body\n# Heading\n');
    assert.deepEqual(notes.map((n) => [n.title, n.body, n.line, n.endLine]), [['A', 'a body', 1, 2], ['B', 'b body', 4, 5]]);
  });

  it('keeps blank `>` lines inside the body', () => {
    const n = only('> [!idea] Several paragraphs\n> first\n>\n> second\n');
    assert.equal(n.body, 'first\n\nsecond');
    assert.equal(n.quote, undefined);
  });

  it('does not take a plain quote, or a `[!kind]` after the first line, for a note', () => {
    assert.deepEqual(parseNotes('> Just a quote\n> [!weakness] not a head\n'), []);
    assert.deepEqual(parseNotes('Text [!weakness] inline\n'), []);
  });

  it('reports nested callouts one level deeper, in document order', () => {
    const text = '> [!weakness] Outer\n> outer body\n> > [!idea] Inner\n> > inner body\n>\n> > the quote\n';
    const [outer, inner] = parseNotes(text);
    assert.equal(outer.depth, 1);
    assert.equal(outer.body, 'outer body\n> [!idea] Inner\n> inner body\n');
    assert.equal(outer.quote, 'the quote');
    assert.equal(inner.depth, 2);
    assert.deepEqual([inner.kind, inner.title, inner.body, inner.quote], ['idea', 'Inner', 'inner body', undefined]);
    assert.equal(inner.start, text.indexOf('> > [!idea]'));
    assert.equal(inner.end, text.indexOf('\n>\n'));
    assert.deepEqual([inner.line, inner.endLine], [3, 4]);
    assert.equal(outer.endLine, 6);
  });

  it('counts a callout inside a plain quote as top level', () => {
    const text = '> A plain quote\n>\n> > [!strength] Inside\n> > body\n';
    const n = only(text);
    assert.equal(n.depth, 1);
    assert.equal(n.start, text.indexOf('> > [!strength]'));
    assert.equal(n.layout.indent, '> ');
  });

  it('finds callouts indented up to 3 spaces, but not indented code', () => {
    assert.equal(only('   > [!idea] Three\n   > body\n').title, 'Three');
    assert.deepEqual(parseNotes('Para.\n\n    > [!idea] Code\n'), []);
  });

  it('finds callouts inside list items, indented or on the bullet line', () => {
    const text = '- item one\n  > [!idea] In item\n  > body\n- > [!tip] On bullet\n  > tip body\n1. ordered\n\n   > [!question]- Why\n';
    const [a, b, c] = parseNotes(text);
    assert.deepEqual([a.title, a.body, a.start, a.line, a.layout.indent], ['In item', 'body', text.indexOf('  > [!idea]'), 2, '  ']);
    assert.deepEqual([b.kind, b.title, b.body, b.start, b.line], ['strength', 'On bullet', 'tip body', text.indexOf('> [!tip]'), 4]);
    assert.equal(b.layout.indent, '  ');
    assert.deepEqual([c.kind, c.fold, c.title, c.layout.indent], ['question', '-', 'Why', '   ']);
  });

  it('finds callouts in nested list items', () => {
    const text = '* What\n  * sub item\n    > [!weakness] Deep\n    > body\n* Next\n';
    const n = only(text);
    assert.deepEqual([n.title, n.body, n.line, n.endLine, n.layout.indent], ['Deep', 'body', 3, 4, '    ']);
  });

  it('ignores `>` lines in fenced code, with backtick and tilde fences', () => {
    const text = '```md\n> [!note] in backticks\n```\n~~~\n> [!note] in tildes\n~~~\n````\n```\n> [!note] in a longer fence\n````\n> [!note] Real\n';
    assert.equal(only(text).title, 'Real');
  });

  it('does not see a quote in a fence inside a note', () => {
    const n = only('> [!note] Code\n> ```\n> > not a quote\n> ```\n');
    assert.equal(n.quote, undefined);
    assert.equal(n.body, '```\n> not a quote\n```');
  });

  it('extracts a multi-line quote and lazy continuation lines', () => {
    const n = only('> [!weakness] W\n> body\n> > first line\n> > second line\nlazy line\n\nAfter.\n');
    assert.equal(n.quote, 'first line\nsecond line\nlazy line');
    assert.equal(n.endLine, 5);
  });

  it('lets a plain line right after a quote continue it, as CommonMark does', () => {
    const n = only('> [!weakness] W\n> > the quote\n> continues it\n');
    assert.equal(n.quote, 'the quote\ncontinues it');
    assert.equal(n.body, '');
  });

  it('takes the quote from the middle of the body', () => {
    const n = only('> [!question] Q\n> before\n> > quoted\n>\n> after\n');
    assert.equal(n.quote, 'quoted');
    assert.equal(n.body, 'before\n\nafter');
  });

  it('does not take a quote inside a list inside the note', () => {
    const n = only('> [!idea] I\n> - point\n>   > nested in list\n');
    assert.equal(n.quote, undefined);
  });

  it('handles CRLF, lone CR and a BOM with exact offsets', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = `\uFEFF> [!strength] S${eol}> body${eol}> > quote${eol}${eol}Text${eol}`;
      const n = only(text);
      assert.equal(n.start, 1);
      assert.equal(n.end, text.indexOf(`${eol}${eol}Text`));
      assert.deepEqual([n.title, n.body, n.quote, n.line, n.endLine], ['S', 'body', 'quote', 1, 3]);
      assert.equal(serializeNote(n), text.slice(n.start, n.end));
      assert.equal(formatNote(specOf(n), eol as '\r\n' | '\r'), text.slice(n.start, n.end));
    }
  });

  it('finds no notes in empty or note-free text', () => {
    assert.deepEqual(parseNotes(''), []);
    assert.deepEqual(parseNotes('\uFEFF'), []);
    assert.deepEqual(parseNotes('# Title\n\nProse with > a sign.\n'), []);
  });
});

describe('noteKindOf', () => {
  it('maps kinds, plurals, GitHub alerts and aliases; anything else is a note', () => {
    const cases: [string, string][] = [
      ['strength', 'strength'], ['Strengths', 'strength'], ['TIP', 'strength'], ['weakness', 'weakness'],
      ['WARNING', 'weakness'], ['caution', 'weakness'], ['question', 'question'], ['IMPORTANT', 'question'],
      ['faq', 'question'], ['Idea', 'idea'], ['NOTE', 'note'], ['abstract', 'note'], ['', 'note'],
    ];
    for (const [raw, kind] of cases) assert.equal(noteKindOf(raw), kind, raw);
  });
});

describe('formatNote', () => {
  it('writes the canonical form', () => {
    assert.equal(
      formatNote({ kind: 'weakness', title: 'Title', body: 'Line one\n\nLine two', quote: 'The sentence' }),
      '> [!weakness] Title\n> Line one\n>\n> Line two\n> > The sentence',
    );
  });

  it('writes fold markers, empty titles, CRLF and indentation', () => {
    assert.equal(formatNote({ kind: 'idea', title: '', body: '', fold: '-' }), '> [!idea]-');
    assert.equal(
      formatNote({ kind: 'question', title: 'Why?', body: 'b', quote: 'q1\nq2' }, '\r\n', '  '),
      '  > [!question] Why?\r\n  > b\r\n  > > q1\r\n  > > q2',
    );
  });

  it('keeps a title on one line and a kind without spaces', () => {
    assert.equal(formatNote({ kind: ' my kind ', title: ' two\nlines ', body: '' }), '> [!mykind] two lines');
    assert.equal(formatNote({ kind: '', title: 't', body: '' }), '> [!note] t');
  });
});

describe('serializeNote', () => {
  const irregular = [
    '>  [!Weakness]   Title with spaces   \n>no space after marker\n> \n>>quote without spaces',
    '   > [!idea]+Title\n   >    indented body\n   > >  quote\n   > > > deeper',
    '> [!note]\r\n>\r\n> > q\rlazy line',
    '- > [!tip] on a bullet\n  > body',
    '> [!question] Q\n> before\n> > quoted\n> after (lazy in the quote)\n>\n> body again',
  ];

  it('writes any parsed note back exactly', () => {
    for (const text of irregular) {
      const notes = parseNotes(text);
      assert.ok(notes.length > 0, text);
      for (const n of notes) assert.equal(serializeNote(n), text.slice(n.start, n.end), text);
    }
  });

  it('keeps the source spacing when a part is edited', () => {
    const n = only('>  [!Weakness]   Old   \n>body\n>>q');
    assert.equal(serializeNote({ ...n, title: 'New title' }), '>  [!Weakness]   New title   \n>body\n>>q');
    assert.equal(serializeNote({ ...n, body: 'body\nadded' }), '>  [!Weakness]   Old   \n>body\n> added\n>>q');
    assert.equal(serializeNote({ ...n, quote: undefined }), '>  [!Weakness]   Old   \n>body');
  });

  it('adds body and quote lines to a note that had none, in canonical order', () => {
    const n = only('  > [!idea] I');
    assert.equal(serializeNote({ ...n, body: 'b', quote: 'q' }), '  > [!idea] I\n  > b\n  > > q');
  });

  it('formats a note without layout', () => {
    const { layout: _layout, ...plain } = only('>  [!idea]   I\n>b');
    assert.equal(serializeNote(plain), '> [!idea] I\n> b');
  });
});

// ---- property test: random notes survive format -> parse -> serialize ----------------------------

const WORDS = ['model', 'attention', 'é', 'naïve', '中文', '🚀', 'x²', '(e.g.)', 'a/b', '"quoted"', '[link](u)',
  '*em*', '`code`', 'BLEU:', '50%', '—', 'O(n²)', '#tag', 'end.', '?', '!', ']', '[!x]', '1.', '-', '>'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** Words joined by spaces; never starts with a block marker or ends with spaces. */
function phrase(r: () => number, min: number): string {
  const n = min + Math.floor(r() * 6);
  const words = ['w' + Math.floor(r() * 100)];
  for (let i = 1; i < n; i++) words.push(pick(r, WORDS));
  if (r() < 0.5) words.reverse();
  const s = words.join(' ');
  return /^[\w\u00c0-\uffff(]/u.test(s) ? s : 'p ' + s;
}

function lines(r: () => number, max: number, blanks: boolean): string {
  const n = 1 + Math.floor(r() * max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(blanks && i > 0 && i < n - 1 && r() < 0.2 ? '' : phrase(r, 1));
  return out.join('\n');
}

function randomSpec(r: () => number): NoteSpec {
  const kinds = ['strength', 'Weakness', 'QUESTION', 'idea', 'note', 'TIP', 'Warning', 'custom-kind', 'été', 'x_1'];
  return {
    kind: pick(r, kinds),
    fold: pick(r, ['', '+', '-'] as const),
    title: r() < 0.15 ? '' : phrase(r, 1),
    body: r() < 0.2 ? '' : lines(r, 4, true),
    quote: r() < 0.3 ? undefined : lines(r, 3, true),
  };
}

/** The note of spec with irregular but equivalent spacing (markers without spaces, extra spaces
 *  around the kind and title, trailing spaces on blank lines). */
function roughNote(r: () => number, spec: NoteSpec, eol: string, indent: string): string {
  const spaces = (max: number) => ' '.repeat(Math.floor(r() * (max + 1)));
  const marker = () => (r() < 0.5 ? '>' : '> ');
  const title = spec.title === '' ? spaces(2) : ' ' + spaces(2) + spec.title + spaces(2);
  const out = [indent + marker() + spaces(3) + '[!' + spec.kind + ']' + spec.fold + title];
  const body = spec.body === '' ? [] : spec.body.split('\n');
  for (const line of body) out.push(indent + (line === '' ? marker() : marker() + line));
  for (const line of spec.quote?.split('\n') ?? []) out.push(indent + marker() + (line === '' ? marker() : marker() + line));
  return out.join(eol);
}

describe('notes round trip (property)', () => {
  it('format -> parse gives the same parts, and serialize gives the same text', () => {
    const r = rng(20240611);
    for (let i = 0; i < 600; i++) {
      const spec = randomSpec(r);
      const eol = pick(r, ['\n', '\r\n', '\r'] as const);
      const indent = pick(r, ['', '  ', '   ', '> ']);
      const note = formatNote(spec, eol, indent);
      const lead = `# Paper${eol}${eol}Some prose.${eol}${eol}`;
      const text = lead + note + eol + eol + 'After.' + eol;
      const ctx = JSON.stringify({ spec, eol, indent });
      const n = only(text);
      assert.deepEqual(specOf(n), { ...spec, fold: spec.fold }, ctx);
      assert.equal(n.kind, noteKindOf(spec.kind), ctx);
      assert.equal(n.start, lead.length, ctx);
      assert.equal(n.end, lead.length + note.length, ctx);
      assert.equal(n.line, 5, ctx);
      assert.equal(n.endLine, 4 + note.split(eol).length, ctx);
      assert.equal(n.layout.indent, indent, ctx);
      assert.equal(serializeNote(n), note, ctx);
      assert.equal(formatNote(specOf(n), eol, n.layout.indent), note, ctx);
    }
  });

  it('irregular spacing parses to the same parts and serializes back exactly', () => {
    const r = rng(7);
    for (let i = 0; i < 600; i++) {
      const spec = randomSpec(r);
      const eol = pick(r, ['\n', '\r\n', '\r'] as const);
      const rough = roughNote(r, spec, eol, pick(r, ['', '  ']));
      const text = `Intro.${eol}${eol}${rough}${eol}`;
      const ctx = JSON.stringify({ spec, rough });
      const n = only(text);
      assert.deepEqual(specOf(n), spec, ctx);
      assert.equal(text.slice(n.start, n.end), rough, ctx);
      assert.equal(serializeNote(n), rough, ctx);
    }
  });
});
