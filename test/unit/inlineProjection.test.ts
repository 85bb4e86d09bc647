import { strict as assert } from 'node:assert';
import markdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { childText, looseText, projectInline } from '../../src/core/inlineProjection';

const md = markdownIt();

/** The inline children markdown-it makes of `src` (one paragraph). */
function children(src: string): Token[] {
  const inline = md.parse(src, {}).find((t) => t.type === 'inline');
  assert.ok(inline?.children);
  return inline.children;
}

/** The reference: one entry per kept character, as the projection is defined. */
function reference(kids: readonly Token[]): { text: string; raw: number[] } {
  const raw: number[] = [];
  let text = '';
  let base = 0;
  let afterSpace = true;
  for (const c of kids) {
    const content = childText(c);
    for (let k = 0; k < content.length; k++) {
      const ch = content[k];
      if (/\s/.test(ch)) {
        if (!afterSpace) { text += ' '; raw.push(base + k); afterSpace = true; }
      } else if (!/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/.test(ch)) {
        text += ch; raw.push(base + k); afterSpace = false;
      }
    }
    base += content.length;
  }
  return { text, raw };
}

function assertProjects(kids: readonly Token[]): void {
  const p = projectInline(kids);
  const want = reference(kids);
  assert.equal(p.text, want.text);
  for (let k = 0; k < want.raw.length; k++) assert.equal(p.rawAt(k), want.raw[k], `position ${k} of ${JSON.stringify(want.text)}`);
}

describe('inline projection', () => {
  it('takes text, code and image alt text, and a space for each line break', () => {
    const kids = children('A *b* `c d` ![e f](x.png)\nnext  line');
    assert.equal(projectInline(kids).text, 'A b c d e f next line');
    assertProjects(kids);
  });

  it('collapses whitespace, drops invisible characters and maps every position back', () => {
    const samples = [
      'plain prose with single spaces.',
      '  leading and\ttabs\u00a0and\u3000wide   spaces ',
      'zero\u200bwidth\u200b \u200bjoiners and \ufeffBOM',
      'one *two  three* four\nfive\\\nsix',
    ];
    for (const src of samples) assertProjects(children(src));
  });

  it('matches the reference on generated text', () => {
    let seed = 11;
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    const alphabet = ['a', 'b', 'é', ' ', ' ', '  ', '\t', '\u00a0', '\u200b', '\ufeff', '*', '`', '\n', '.', '_'];
    for (let n = 0; n < 300; n++) {
      let src = 'x';
      for (let k = 0; k < 40; k++) src += alphabet[Math.floor(rnd() * alphabet.length)];
      const inline = md.parse(src, {}).find((t) => t.type === 'inline');
      if (inline?.children) assertProjects(inline.children);
    }
  });
});

describe('loose text', () => {
  it('keeps letters and digits, lower-cased, with their positions', () => {
    const loose = looseText('“Big” O(n²), É-9!');
    assert.equal(loose.text, 'bigon²é9');
    assert.deepEqual([...loose.at], [1, 2, 3, 6, 8, 9, 13, 15]);
  });

  it('keeps a letter whose lower case is longer as it is, and drops lone surrogates', () => {
    assert.equal(looseText('İx').text, 'İx');
    assert.equal(looseText('a\u{1D400}b').text, 'ab');
  });
});

describe('inline projection: text it keeps as it is', () => {
  const token = (type: string, content = ''): Token => {
    const state = new md.core.State('', md, {});
    const t = new state.Token(type, '', 0);
    t.content = content;
    return t;
  };

  it('is the children\'s text, position for position', () => {
    const kids = children('Plain *emphasis*, `code` and ![alt text](x.png) here.');
    const p = projectInline(kids);
    assert.equal(p.text, kids.map(childText).join(''));
    for (let k = 0; k < p.text.length; k++) assert.equal(p.rawAt(k), k);
  });

  it('is not taken for a space after a space across children, or a space first', () => {
    for (const kids of [
      [token('text', 'a '), token('text', ' b')],
      [token('text', 'a '), token('softbreak'), token('text', 'b')],
      [token('softbreak'), token('text', 'a b')],
      [token('text', ''), token('text', ' a')],
      [token('text', 'a'), token('code_inline', '\u00a0b')],
    ]) assertProjects(kids);
  });
});

describe('inline projection: every code unit', () => {
  const text = (content: string): Token => {
    const state = new md.core.State('', md, {});
    const t = new state.Token('text', '', 0);
    t.content = content;
    return t;
  };

  it('is kept, dropped or made a space as the reference says, alone, doubled and beside spaces', () => {
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      for (const content of [`a${c}b`, `a${c}${c}b`, `a ${c}b`, `${c} a`, `a${c}`]) assertProjects([text(content)]);
    }
  });
});
