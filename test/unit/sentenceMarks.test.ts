import { strict as assert } from 'node:assert';
import type { Token } from 'markdown-it';
import { createMarkdown } from '../../src/core/markdown';
import { paperStudyPlugin, renderDocument } from '../../src/core/markdownPlugin';
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

describe('sentence marks: tokens', () => {
  const parse = (md = createMarkdown().use(paperStudyPlugin)) => md.parse(SRC, { paperStudyIndex: INDEX });
  const opens = (tokens: Token[]) => tokens.flatMap((t) => (t.children ?? []).filter((c) => c.type === 'ps_mark_open'));

  it('are tokens like markdown-it\'s: same fields and defaults, same class and methods', () => {
    const tokens = parse();
    const inline = tokens.find((t) => t.type === 'inline' && t.children?.some((c) => c.type === 'ps_mark_open'));
    assert.ok(inline?.children);
    const Token = tokens[0].constructor as new (type: string, tag: string, nesting: 0) => Token;
    const made = inline.children.filter((c) => c.type !== 'text' || c !== inline.children![0]);
    assert.ok(made.length > 4);
    for (const t of made) {
      assert.ok(t instanceof Token, t.type);
      assert.deepEqual(Object.keys(t), Object.keys(new Token('x', '', 0)), t.type);
      assert.equal(typeof t.attrGet, 'function');
    }
  });

  it('give each mark its own attributes, though marks share their pairs', () => {
    const [a, , , d] = opens(parse());
    assert.equal(a.attrGet('data-kind'), d.attrGet('data-kind'));
    assert.equal(a.attrs![0], d.attrs![0], 'one class pair for marks of one kind');
    a.attrJoin('class', 'extra');
    a.attrSet('data-source', 'changed');
    a.attrPush(['data-x', '1']);
    assert.equal(a.attrGet('class'), 'ps-mark ps-kind-strength extra');
    assert.equal(d.attrGet('class'), 'ps-mark ps-kind-strength');
    assert.equal(d.attrGet('data-source'), 'prose');
    assert.equal(d.attrGet('data-x'), null);
    // Nor does the next render see the change.
    assert.equal(opens(parse())[0].attrGet('class'), 'ps-mark ps-kind-strength');
  });

  it('render a closing mark as markdown-it does, also when a rule changed it', () => {
    const md = createMarkdown().use(paperStudyPlugin);
    const closes = parse(md).flatMap((t) => (t.children ?? []).filter((c) => c.type === 'ps_mark_close'));
    const rule = md.renderer.rules.ps_mark_close;
    assert.equal(typeof rule, 'function');
    assert.equal(closes.length, 4);
    const changes: ((t: Token) => void)[] = [() => {}, (t) => t.attrSet('data-x', '"'), (t) => { t.hidden = true; }, (t) => { t.block = true; }, (t) => { t.tag = 'span'; }];
    for (const change of changes) {
      const [t] = parse(md).flatMap((x) => (x.children ?? []).filter((c) => c.type === 'ps_mark_close'));
      change(t);
      assert.equal(rule([t], 0, md.options, {}, md.renderer), md.renderer.renderToken([t], 0, md.options), change.toString());
    }
    assert.equal(rule(closes, 0, md.options, {}, md.renderer), '</mark>');
  });

  it('carry their sentence, and whether they are its first mark, on meta', () => {
    const src = 'Start. The *method is fast. And* more.\n';
    const text = 'The *method is fast.';
    const start = src.indexOf(text);
    const s: ClassifiedSentence = { text, start, end: start + text.length, line: 1, endLine: 1, paper: 0, block: 0, blockType: 'paragraph', kind: 'strength', source: 'prose', cue: 'fast' };
    const index: DocumentIndex = { papers: [], sentences: [s], notes: [], eol: '\n', bom: false, lineCount: 2 };
    const marks = createMarkdown().use(paperStudyPlugin).parse(src, { paperStudyIndex: index })
      .flatMap((t) => (t.children ?? []).filter((c) => c.type === 'ps_mark_open'));
    assert.equal(marks.length, 2, 'the emphasis splits the sentence');
    assert.deepEqual(marks.map((m) => [m.meta?.sentence, m.meta?.first, m.meta?.line]), marks.map((_m, k) => [s, k === 0, 1]));
  });
});

describe('sentence marks: ids for the study panel', () => {
  it('gives every mark the id of its sentence, each piece of a split sentence too, as tokens or written at render', () => {
    const src = `${SRC}\nSo *this one is split. Across* emphasis.\n`;
    const split = 'So *this one is split.';
    const start = src.indexOf(split);
    const sentences = [...INDEX.sentences, { ...INDEX.sentences[1], text: split, start, end: start + split.length, line: 6, endLine: 6, block: 9 }];
    const index: DocumentIndex = { ...INDEX, sentences, lineCount: 7 };
    const ids = new Map(sentences.map((s, k) => [s, 10 + k]));
    const asTokens = createMarkdown().use(paperStudyPlugin).render(src, { paperStudyIndex: index, paperStudySentenceIds: ids });
    const atRender = renderDocument(src, { index, sentenceIds: ids }).html;
    assert.equal(atRender, asTokens);
    const got = [...atRender.matchAll(/<mark [^>]*data-kind="(\w+)"[^>]*data-sentence="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    const marks = [...atRender.matchAll(/<mark /g)].length;
    assert.equal(got.length, marks, 'every mark has an id');
    assert.deepEqual([...new Set(got.map(([, id]) => id))], [10, 11, 12, 13, 14]);
    assert.ok(got.filter(([, id]) => id === 14).length > 1, 'the split sentence has several marks');
    assert.deepEqual(got.map(([kind]) => kind), got.map(([, id]) => sentences[Number(id) - 10].kind));
    assert.doesNotMatch(renderDocument(src, { index }).html, /data-sentence/, 'no ids, no attribute');
  });
});
