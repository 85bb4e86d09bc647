import { strict as assert } from 'node:assert';
import markdownIt from 'markdown-it';
import type { MarkdownIt } from 'markdown-it';
import { indexDocument } from '../../src/core/indexer';
import { createMarkdown, type MarkdownOptions } from '../../src/core/markdown';
import { paperStudyPlugin, renderDocument, type PaperStudyEnv } from '../../src/core/markdownPlugin';
import { seededRandom } from '../seededRandom';
import { corpusTexts, fixtureText } from '../fixtureTexts';

const texts = [fixtureText('paper-summaries.md'), fixtureText('structured-notes.md'), ...corpusTexts()];

/** The same instance twice: marks as tokens, and marks written at render. */
function pair(make: () => MarkdownIt): [tokens: MarkdownIt, atRender: MarkdownIt] {
  return [make().use(paperStudyPlugin), make().use(paperStudyPlugin, { marksAtRender: true })];
}

/** Both renders of `text`, with and without sentence ids. */
function assertSameHtml([tokens, atRender]: [MarkdownIt, MarkdownIt], text: string, label: string): void {
  const index = indexDocument(text);
  const ids = new Map(index.sentences.map((s, k) => [s, k]));
  for (const env of [{ paperStudyIndex: index }, { paperStudyIndex: index, paperStudySentenceIds: ids }] as PaperStudyEnv[]) {
    const want = tokens.render(text, { ...env });
    assert.equal(atRender.render(text, { ...env }), want, label);
  }
}

describe('marks written at render', () => {
  it('make the HTML the mark tokens make: the founding document, the notes fixture and every corpus file', () => {
    const setups = pair(() => createMarkdown());
    texts.forEach((t, k) => assertSameHtml(setups, t, `text ${k}`));
    assert.ok(texts.length > 100);
  });

  it('do so with line breaks, without linkify, and with raw HTML on an instance that allows it', () => {
    const options: MarkdownOptions[] = [{ breaks: true }, { linkify: false }];
    for (const o of options) {
      const setups = pair(() => createMarkdown(o));
      for (const t of texts.slice(0, 20)) assertSameHtml(setups, t, JSON.stringify(o));
    }
    const html = pair(() => markdownIt({ html: true }));
    const src = 'The method is <b>very</b> good. It <i>fails badly. On</i> small data it is weak.\n';
    assertSameHtml(html, src, 'raw html');
  });

  it('do so on generated Markdown where marks meet emphasis, links, code, images and line breaks', () => {
    const random = seededRandom(7);
    const bits = ['The method is good.', ' However, it fails', ' badly.', ' *It is', ' weak.*', ' **Strong', ' work.**', ' [a link](http://x.org)', ' `code. It`',
      ' ![alt. Text](i.png)', '\n', '  ', ' I wonder why?', ' A limitation is the data.', ' Overall, a great paper.', ' _lacks_ rigor.', '\n\n', '\\*', '&amp;'];
    const setups = pair(() => createMarkdown());
    for (let n = 0; n < 300; n++) {
      let src = '### Paper\n\n';
      for (let k = 0; k < 12; k++) src += bits[Math.floor(random() * bits.length)];
      assertSameHtml(setups, src, JSON.stringify(src));
    }
  });

  it('go through the instance\'s own rules for text and marks', () => {
    const [tokens, atRender] = pair(() => createMarkdown());
    for (const md of [tokens, atRender]) {
      md.renderer.rules.text = (t, i) => t[i].content.toUpperCase();
      const open = md.renderer.rules.ps_mark_open!;
      md.renderer.rules.ps_mark_open = (t, i, o, e, self) => `[${t[i].level}]${open(t, i, o, e, self)}`;
      md.renderer.rules.ps_mark_close = () => '</MARK>';
    }
    assertSameHtml([tokens, atRender], texts[0], 'own rules');
    assert.match(atRender.render(texts[0], { paperStudyIndex: indexDocument(texts[0]) }), /\[0\]<mark [^>]*>[A-Z ,.]+<\/MARK>/);
  });

  it('leave the parsed tokens without marks, and are tokens when there is no environment', () => {
    const md = createMarkdown().use(paperStudyPlugin, { marksAtRender: true });
    const text = texts[0];
    const marks = (env?: PaperStudyEnv) => md.parse(text, env as PaperStudyEnv).flatMap((t) => t.children ?? []).filter((c) => c.type === 'ps_mark_open').length;
    assert.equal(marks({ paperStudyIndex: indexDocument(text) }), 0);
    assert.ok(marks(undefined) > 10);
  });

  it('are what renderDocument writes', () => {
    const text = texts[0];
    const index = indexDocument(text);
    assert.equal(renderDocument(text, { index }).html, createMarkdown().use(paperStudyPlugin).render(text, { paperStudyIndex: index }));
  });
});
