import { strict as assert } from 'node:assert';
import { plainText } from '../../src/core/inline';
import { UNUSUAL_SPACE_CLASS } from '../../src/core/whiteSpace';

/** Characters that make text inline Markdown, or invisible (plainText's own list). */
const MARKUP = /[*_`\\&<[~=\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

describe('plain text of text without Markdown', () => {
  it('is the text trimmed, its white space collapsed when it has more than single spaces (every code unit)', () => {
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      if (MARKUP.test(c)) continue;
      for (const text of [`a${c}b`, `a${c}${c}b`, `a ${c} b`, `${c}a `, ` a${c}`]) {
        const want = /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
        assert.equal(plainText(text), want, `U+${u.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
  });
});

describe('unusual space class', () => {
  it('is white space other than the space, and the invisible characters', () => {
    const unusual = new RegExp(`[${UNUSUAL_SPACE_CLASS}]`);
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      const want = (/\s/.test(c) && c !== ' ') || /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/.test(c);
      assert.equal(unusual.test(c), want, `U+${u.toString(16)}`);
    }
  });
});
