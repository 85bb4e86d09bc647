// Tokens made by plain assignments. markdown-it 15's build defines each field of a new token through
// a helper call (its class-field helper: a property-key conversion and an `in` test per field), and
// a page makes tens of thousands of tokens: on long documents that is about a tenth of a render.
// Paper Study's own instances make the same tokens, field for field, with a class whose constructor
// assigns the fields; its instances have markdown-it's Token prototype, and report Token as their
// constructor, so nothing that reads a token can tell them apart.

import type { MarkdownIt, StateInline, Token } from 'markdown-it';

export type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

const fastClasses = new WeakMap<TokenClass, TokenClass>();
const fast = new WeakSet<TokenClass>();

/** A class making the tokens `TokenCtor` makes, faster; `TokenCtor` itself when a token of the
 *  fast class would differ from one of its own in any field or order (another markdown-it). */
export function fastTokenClass(TokenCtor: TokenClass): TokenClass {
  if (fast.has(TokenCtor)) return TokenCtor;
  let made = fastClasses.get(TokenCtor);
  if (made) return made;
  class FastToken {
    declare map: null; declare level: number; declare children: null; declare content: string; declare markup: string;
    declare info: string; declare block: boolean; declare hidden: boolean; declare type: string; declare tag: string;
    declare attrs: null; declare nesting: number; declare meta: null;
    constructor(type: string, tag: string, nesting: -1 | 0 | 1) {
      this.map = null; this.level = 0; this.children = null; this.content = ''; this.markup = ''; this.info = '';
      this.block = false; this.hidden = false; this.type = type; this.tag = tag; this.attrs = null; this.nesting = nesting;
      this.meta = null;
    }
  }
  Object.setPrototypeOf(FastToken.prototype, TokenCtor.prototype);
  Object.defineProperty(FastToken.prototype, 'constructor', { value: TokenCtor, writable: true, configurable: true });
  const same = JSON.stringify(new TokenCtor('t', 'p', 1)) === JSON.stringify(new FastToken('t', 'p', 1));
  made = same ? FastToken as unknown as TokenClass : TokenCtor;
  fastClasses.set(TokenCtor, made);
  fast.add(made);
  return made;
}

/** Makes `md`'s parsers push fast tokens: its core, block and inline states (`md.core.State`, …)
 *  become subclasses whose `Token` is the fast class and whose `push` (and `pushPending`) do what
 *  markdown-it 15's do with it. test/unit/markdownSetup.test.ts compares every token of the
 *  fixtures and of generated Markdown with markdown-it's own. */
export function useFastTokens(md: MarkdownIt): void {
  const Stock = new md.core.State('', md, {}).Token as TokenClass;
  const T = fastTokenClass(Stock);
  if (T === Stock) return;

  class CoreState extends md.core.State {
    constructor(...args: ConstructorParameters<typeof md.core.State>) { super(...args); this.Token = T as typeof this.Token; }
  }

  class BlockState extends md.block.State {
    constructor(...args: ConstructorParameters<typeof md.block.State>) { super(...args); this.Token = T as typeof this.Token; }

    override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
      const token = new T(type, tag, nesting);
      token.block = true;
      if (nesting < 0) this.level--;
      token.level = this.level;
      if (nesting > 0) this.level++;
      this.tokens.push(token);
      return token;
    }
  }

  class InlineState extends md.inline.State {
    constructor(...args: ConstructorParameters<typeof md.inline.State>) { super(...args); this.Token = T as typeof this.Token; }

    override pushPending(): Token {
      const token = new T('text', '', 0);
      token.content = this.pending;
      token.level = this.pendingLevel;
      this.tokens.push(token);
      this.pending = '';
      return token;
    }

    override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
      if (this.pending) this.pushPending();
      const token = new T(type, tag, nesting);
      let meta: StateInline['tokens_meta'][number] | undefined;
      const self = this as unknown as { _prev_delimiters: StateInline['delimiters'][] };
      if (nesting < 0) {
        this.level--;
        this.delimiters = self._prev_delimiters.pop()!;
      }
      token.level = this.level;
      if (nesting > 0) {
        this.level++;
        self._prev_delimiters.push(this.delimiters);
        this.delimiters = [];
        meta = { delimiters: this.delimiters };
      }
      this.pendingLevel = this.level;
      this.tokens.push(token);
      this.tokens_meta.push(meta as StateInline['tokens_meta'][number]);
      return token;
    }
  }

  md.core.State = CoreState;
  md.block.State = BlockState;
  md.inline.State = InlineState;
}
