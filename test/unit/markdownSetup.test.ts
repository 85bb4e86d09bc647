import { strict as assert } from 'node:assert';
import markdownIt from 'markdown-it';
import { createMarkdown, escapeText, urlScheme } from '../../src/core/markdown';
import { corpusTexts, fixtureText } from '../fixtureTexts';
import { useFastTokens } from '../../src/core/fastTokens';

/** Strings from an alphabet rich in what links are made of. */
function generated(count: number, alphabet: readonly string[], seed: number): string[] {
  let s = seed;
  const rnd = () => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s / 0x7fffffff; };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = Math.floor(rnd() * 16);
    for (let k = 0; k < length; k++) text += alphabet[Math.floor(rnd() * alphabet.length)];
    out.push(text);
  }
  return out;
}

describe('markdown setup: linkify', () => {
  it('finds links exactly where linkify-it does, after its cheap check', () => {
    const ours = createMarkdown().linkify;
    const reference = markdownIt({ linkify: true }).linkify;
    const samples = [
      'no links here', 'see https://example.org/a.', 'HTTP://X.ORG', 'ftp://files.org/x', '//cdn.org/x.js', 'a //b.org c',
      'mail me: a.b@example.org', 'mailto:a@b.org', 'x@y', 'www.example.org', 'example.com', 'http:/one-slash.org',
      'https://', '(https://x.org/(a))', 'user@localhost', '“https://x.org”', 'javascript://x.org%0aalert(1)',
    ];
    const alphabet = ['h', 't', 'p', 's', 'x', 'o', 'r', 'g', ':', '/', '/', '.', '@', ' ', 'w', 'a', 'm', 'i', 'l', '-', '_', 'é'];
    for (const text of [...samples, ...generated(20000, alphabet, 5)]) {
      assert.equal(ours.test(text), reference.test(text), JSON.stringify(text));
    }
  });

  it('still linkifies bare URLs and e-mail addresses', () => {
    const html = createMarkdown().render('Go to https://x.org/a or write to a@b.org.\n');
    assert.match(html, /<a href="https:\/\/x.org\/a" rel="noopener noreferrer">https:\/\/x.org\/a<\/a>/);
    assert.match(html, /<a href="mailto:a@b.org">a@b.org<\/a>/);
  });
});

describe('markdown setup: URL schemes', () => {
  it('reads the scheme of plain URLs', () => {
    const cases: [string, string][] = [
      ['https://x.org', 'https'], ['HTTP://X', 'http'], ['MailTo:a@b', 'mailto'], ['a+b.c-d:x', 'a+b.c-d'], ['javascript:x', 'javascript'],
      ['1ab:x', ''], [':x', ''], ['', ''], ['/abs:x', ''], ['rel/a.md', ''], ['#top', ''], ['a_b:x', ''], ['h:', 'h'],
    ];
    for (const [url, scheme] of cases) assert.equal(urlScheme(url), scheme, url);
  });

  it('reads a plain URL as it reads the same URL once it needs decoding', () => {
    // A trailing `%20` decodes to a space that is then ignored: the scheme cannot change.
    const alphabet = ['a', 'J', 'v', 's', 'c', 'r', 'i', 'p', 't', 'h', '1', '+', '.', '-', ':', '/', '#', '?', '_', '=', '!', '~'];
    for (const url of generated(20000, alphabet, 9)) assert.equal(urlScheme(url), urlScheme(`${url}%20`), url);
  });
});

describe('markdown setup: text escaping', () => {
  const { escapeHtml } = markdownIt().utils;

  it('escapes text as markdown-it does, short and long', () => {
    const pieces = ['', 'plain', '&', '<', '>', '"', "'", '&amp;', 'a < b > c & "d"', '“quoted” — é', '\u{1F600}<', '&&&<<<>>>"""'];
    const samples = [...pieces, ...pieces.map((p) => `${'word '.repeat(20)}${p}${' tail'.repeat(10)}`), pieces.join(' ').repeat(8)];
    for (const s of samples) assert.equal(escapeText(s), escapeHtml(s), JSON.stringify(s));
  });

  it('renders text as markdown-it does', () => {
    const src = 'Tom & "Jerry" <b>bold</b> > less, and a longer paragraph with "quotes" & ampersands & <tags> in it.\n\n`a < b` & c\n';
    assert.equal(createMarkdown({ linkify: false }).render(src), markdownIt().render(src));
  });
});

describe('markdown setup: the text rule', () => {
  type Rule = (state: unknown, silent: boolean) => boolean;
  const textRule = (md: ReturnType<typeof markdownIt>): Rule => {
    const rule = (md.inline.ruler as unknown as { __rules__: { name: string; fn: Rule }[] }).__rules__.find((r) => r.name === 'text');
    assert.ok(rule, "a rule named 'text'");
    return rule.fn;
  };
  const stock = markdownIt();
  const ours = createMarkdown();

  /** Paper Study's setup with markdown-it's own text rule back in place: the reference. */
  function withOwnTextRule(): ReturnType<typeof createMarkdown> {
    const md = createMarkdown();
    md.inline.ruler.at('text', textRule(stock) as Parameters<typeof md.inline.ruler.at>[1]);
    return md;
  }

  /** Where a rule leaves a state on `src` from `pos`, with `posMax`: its answer, position and pending text. */
  function run(rule: Rule, src: string, pos: number, posMax: number, silent: boolean): unknown[] {
    const state = new stock.inline.State(src, stock, {}, []);
    state.pos = pos;
    state.posMax = posMax;
    return [rule(state, silent), state.pos, state.pending];
  }

  it('stops where markdown-it\'s does, for every code unit, and at posMax', () => {
    const mine = textRule(ours), theirs = textRule(stock);
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      for (const [src, pos, posMax] of [[`ab${c}cd`, 0, 5], [`${c}x`, 0, 2], [`ab${c}cd`, 1, 3], [`abcd${c}`, 0, 2]] as const) {
        for (const silent of [false, true]) assert.deepEqual(run(mine, src, pos, posMax, silent), run(theirs, src, pos, posMax, silent), `U+${u.toString(16)} in ${JSON.stringify(src)}`);
      }
    }
  });

  it('renders the fixtures and generated Markdown as markdown-it\'s rule does', () => {
    const reference = withOwnTextRule();
    const alphabet = ['a', ' ', '*', '_', '`', '[', ']', '(', ')', '!', '<', '>', '&', '\\', '\n', '~', ':', '-', 'http://x.org', '@', '=', '{', '}', '#', 'é'];
    const samples = [fixtureText('paper-summaries.md'), fixtureText('structured-notes.md'), ...corpusTexts(), ...generated(3000, alphabet, 9)];
    for (const src of samples) assert.equal(ours.render(src), reference.render(src), JSON.stringify(src.slice(0, 80)));
  });
});

describe('markdown setup: fast tokens', () => {
  const stock = markdownIt();
  const Token = new stock.core.State('', stock, {}).Token;

  /** `md` with markdown-it's own states back in place: the reference. */
  function withStockStates<T extends ReturnType<typeof markdownIt>>(md: T): T {
    md.core.State = stock.core.State;
    md.block.State = stock.block.State;
    md.inline.State = stock.inline.State;
    return md;
  }

  /** Every token of `src`, children after their parent. */
  const all = (md: ReturnType<typeof markdownIt>, src: string) => md.parse(src, {}).flatMap((t) => [t, ...(t.children ?? [])]);

  const alphabet = ['a', ' ', '*', '**', '_', '~~', '`', '[', ']', '(x)', '![', '<b>', '</b>', '&amp;', '\\', '\n', '\n\n', '> ', '- ', '1. ', '# ',
    'http://x.org', 'a@b.org', '|', '---', '```', '    ', 'é'];
  const samples = [fixtureText('paper-summaries.md'), fixtureText('structured-notes.md'), ...corpusTexts(), ...generated(3000, alphabet, 13)];

  it('are markdown-it\'s tokens: same fields, values and order, class and methods, on the fixtures and generated Markdown', () => {
    for (const [ours, reference] of [
      [createMarkdown(), withStockStates(createMarkdown())],
      [createMarkdown({ linkify: false, breaks: true }), withStockStates(createMarkdown({ linkify: false, breaks: true }))],
    ] as const) {
      for (const src of samples) {
        const got = all(ours, src);
        assert.equal(JSON.stringify(got), JSON.stringify(all(reference, src)), JSON.stringify(src.slice(0, 80)));
        for (const t of got) {
          assert.ok(t instanceof Token && t.constructor === Token, t.type);
          assert.deepEqual(Object.keys(t), Object.keys(new Token('x', '', 0)));
        }
      }
    }
  });

  it('are made by the fast class in every parser, links that linkify makes included', () => {
    const md = createMarkdown();
    const made = all(md, '# Title\n\nSee http://x.org and *this*.\n\n- item\n');
    const fastClass = Object.getPrototypeOf(made[0]);
    assert.notEqual(fastClass, Token.prototype, 'not markdown-it\'s own class');
    assert.ok(made.some((t) => t.type === 'link_open'));
    for (const t of made) assert.equal(Object.getPrototypeOf(t), fastClass, t.type);
  });

  it('render what markdown-it renders with its own tokens, raw HTML allowed too', () => {
    const html = markdownIt({ html: true });
    const reference = markdownIt({ html: true });
    useFastTokens(html);
    for (const src of samples.slice(0, 500)) assert.equal(html.render(src), reference.render(src), JSON.stringify(src.slice(0, 80)));
  });
});
