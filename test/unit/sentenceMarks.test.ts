import { strict as assert } from 'node:assert';
import type { Token } from 'markdown-it';
import { createMarkdown } from '../../src/core/markdown';
import { paperStudyPlugin } from '../../src/core/markdownPlugin';
import type { ClassifiedSentence, DocumentIndex, SentenceKind } from '../../src/core/model';

const SRC = [
  '### A Paper', '',
  'The method is simple and works surprisingly well. However, they do not evaluate on larger datasets.',
  'I wonder whether it scales to "real" data? The ablations are thorough & easy to follow.', '',
].join('\n');

/** An index of SRC with these sentences (all on line 3 or 4) and kinds. */
function index(sentences: readonly [text: string, kind: SentenceKind, cue: string][]): DocumentIndex {
  const list: ClassifiedSentence[] = sentences.map(([text, kind, cue], block) => {
    const start = SRC.indexOf(text);
    assert.ok(start >= 0, text);
    const line = SRC.slice(0, start).split('\n').length;
    return { text, start, end: start + text.length, line, endLine: line, paper: 0, block, blockType: 'paragraph', kind, source: 'prose', cue };
  });
  return { papers: [], sentences: list, notes: [], eol: '\n', bom: false, lineCount: 5 };
}

const INDEX = index([
  ['The method is simple and works surprisingly well.', 'strength', 'works surprisingly well'],
  ['However, they do not evaluate on larger datasets.', 'weakness', 'do not evaluate'],
  ['I wonder whether it scales to "real" data?', 'question', 'I wonder "whether"'],
  ['The ablations are thorough & easy to follow.', 'strength', 'thorough & <easy>'],
]);

/** The mark-opening tokens the plugin makes for SRC, after `change` ran on each of them. */
function markOpens(change: (t: Token, k: number) => void): { tokens: Token[]; rendered: string[]; expected: string[] } {
  const md = createMarkdown().use(paperStudyPlugin);
  const opens: Token[] = [];
  for (const t of md.parse(SRC, { paperStudyIndex: INDEX })) {
    for (const c of t.children ?? []) if (c.type === 'ps_mark_open') opens.push(c);
  }
  opens.forEach(change);
  const rule = md.renderer.rules.ps_mark_open;
  assert.ok(rule);
  return {
    tokens: opens,
    rendered: opens.map((_t, k) => rule(opens, k, md.options, {}, md.renderer)),
    expected: opens.map((_t, k) => md.renderer.renderToken(opens, k, md.options)),
  };
}

describe('sentence marks: the opening tag', () => {
  it('is the tag markdown-it renders from the attributes', () => {
    const { tokens, rendered, expected } = markOpens(() => {});
    assert.equal(tokens.length, 4);
    assert.deepEqual(rendered, expected);
    assert.equal(rendered[2], '<mark class="ps-mark ps-kind-question" data-kind="question" data-source="prose" data-line="4" title="Question — I wonder &quot;whether&quot;">');
    assert.match(rendered[3], /title="Strength — thorough &amp; &lt;easy&gt;">$/);
  });

  it('stays so when other rules add, change or remove attributes', () => {
    const changes: ((t: Token) => void)[] = [
      (t) => t.attrSet('data-sentence', '7'),
      (t) => t.attrJoin('class', 'extra'),
      (t) => t.attrSet('data-kind', 'idea'),
      (t) => t.attrSet('data-source', 'elsewhere<'),
      (t) => t.attrSet('data-line', '"1"'),
      (t) => { t.attrs?.splice(1, 1); },
      (t) => { t.attrs = null; },
      (t) => { t.attrs = [['id', 'x'], ...(t.attrs ?? [])]; },
      (t) => { t.hidden = true; },
      (t) => { t.block = true; },
    ];
    for (const change of changes) {
      const { rendered, expected } = markOpens(change);
      assert.deepEqual(rendered, expected, change.toString());
    }
  });
});
