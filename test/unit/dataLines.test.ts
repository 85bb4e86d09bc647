import { strict as assert } from 'node:assert';
import markdownIt from 'markdown-it';
import type { MarkdownIt, Token } from 'markdown-it';
import { createMarkdown } from '../../src/core/markdown';
import { paperStudyPlugin } from '../../src/core/markdownPlugin';
import { renderAttrsWithDataLines } from '../../src/core/dataLines';
import { indexDocument } from '../../src/core/indexer';

const DOC = [
  '# Title', '', 'A paragraph.', '', '1. one', '2. two', '', '5) five', '', '- a', '  - nested', '',
  '| a | b |', '|:--|--:|', '| 1 | 2 |', '', '```js', 'code();', '```', '', '```', 'plain', '```', '',
  '    indented code', '', '---', '', '> quote', '> > inner', '', '> [!weakness] Title', '> Body.', '> > quoted', '',
  'Setext', '===', '',
].join('\n');

/** A plain markdown-it instance configured as the shared setup is, where the plugin cannot
 *  leave data-lines to the renderer. */
function foreign(): MarkdownIt {
  return markdownIt({ html: false, linkify: true, typographer: false }).use(paperStudyPlugin);
}

/** A rule that, like HTML export, gives some blocks an id after the plugin's rules. */
function withIds(md: MarkdownIt): MarkdownIt {
  md.core.ruler.push('test_ids', (state) => {
    for (const t of state.tokens) if (t.map && t.nesting !== -1 && t.type !== 'inline' && t.map[0] % 2 === 0) t.attrSet('id', `L${t.map[0] + 1}`);
  });
  return md;
}

describe('data-line attributes', () => {
  it('renders the same HTML whether a block gets its data-line when parsed or when rendered', () => {
    const env = () => ({ paperStudyIndex: indexDocument(DOC) });
    const shared = createMarkdown().use(paperStudyPlugin).render(DOC, env());
    assert.equal(shared, foreign().render(DOC, env()));
    assert.match(shared, /<pre><code data-line="17" class="language-js">/);
    assert.match(shared, /<table data-line="13">\n<thead data-line="13">\n<tr data-line="13">\n<th style="text-align:left">a<\/th>/);
    assert.match(shared, /<ol start="5" data-line="8">/);
    assert.equal(withIds(createMarkdown().use(paperStudyPlugin)).render(DOC, env()), withIds(foreign()).render(DOC, env()));
  });

  it('leaves a block without attributes to the renderer on the shared setup only', () => {
    const paragraph = (md: MarkdownIt) => md.parse('Text.\n', { paperStudyIndex: indexDocument('Text.\n') }).find((t) => t.type === 'paragraph_open');
    assert.equal(paragraph(createMarkdown().use(paperStudyPlugin))?.attrs, null);
    assert.deepEqual(paragraph(foreign())?.attrs, [['data-line', '1']]);
  });

  it('renders a lone data-line exactly as markdown-it renders attributes', () => {
    const md = markdownIt();
    const plain = md.renderer.renderAttrs.bind(md.renderer);
    const fast = renderAttrsWithDataLines(md.renderer.renderAttrs, false).bind(md.renderer);
    const values: (string | number)[] = ['1', '42', '16383', '16384', '99999', '0', '007', '-1', '1.5', 'x"y', '', 7];
    for (const value of values) {
      const token = { attrs: [['data-line', value]] } as unknown as Token;
      assert.equal(fast(token), plain(token), String(value));
      assert.equal(fast(token), plain(token), `${value}, kept`);
    }
    const other = { attrs: [['class', 'a&b'], ['data-line', '3']] } as unknown as Token;
    assert.equal(fast(other), ' class="a&amp;b" data-line="3"');
  });
});
