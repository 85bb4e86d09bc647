// VS Code's own Markdown preview gets Paper Study's markdown-it plugin: the extension's exports
// extend a markdown-it instance with it, the manifest declares the plugin and its styles, and the
// built-in Markdown extension renders the sample with the critique marks.
import { strict as assert } from 'node:assert';
import markdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { isHighlighted } from '../../src/core/markdownPlugin';
import { CRITIQUE_KINDS, emptyCounts, type CritiqueCounts, type DocumentIndex } from '../../src/core/model';
import type { PaperStudyExports } from '../../src/vscode/markdownPreview';
import { EXTENSION_ID, activate, coreIndex, openSample } from './paperStudyTestkit';

function highlightedCounts(index: DocumentIndex): CritiqueCounts {
  const counts = emptyCounts();
  for (const s of index.sentences) if (isHighlighted(s) && s.kind !== 'neutral') counts[s.kind]++;
  return counts;
}

/** Critique mark elements by kind (one per sentence unless inline markup splits a sentence). */
function markCounts(html: string): CritiqueCounts {
  const counts = emptyCounts();
  for (const kind of CRITIQUE_KINDS) counts[kind] = html.split(`<mark class="ps-mark ps-kind-${kind}"`).length - 1;
  return counts;
}

describe('Markdown preview', () => {
  before(activate);

  it('activate() returns extendMarkdownIt, which adds the critique marks to a markdown-it instance', async () => {
    const exports = vscode.extensions.getExtension<PaperStudyExports>(EXTENSION_ID)!.exports;
    assert.equal(typeof exports.extendMarkdownIt, 'function');
    const { original } = await openSample();
    const plain = markdownIt();
    assert.ok(!plain.render(original).includes('ps-mark'), 'a plain instance has no marks');
    const md = exports.extendMarkdownIt(markdownIt());
    const html = md.render(original);
    const expected = highlightedCounts(coreIndex(original));
    assert.ok(expected.weakness > 0);
    assert.deepEqual(markCounts(html), expected);
  });

  it('declares the plugin and its stylesheet in the manifest', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributes = extension.packageJSON.contributes as Record<string, unknown>;
    assert.equal(contributes['markdown.markdownItPlugins'], true);
    const styles = contributes['markdown.previewStyles'] as string[];
    assert.deepEqual(styles, ['./media/critique.css']);
    const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, styles[0])));
    assert.match(css, /mark\.ps-mark/);
    assert.match(css, /\.ps-callout/);
  });

  it('is used by the built-in Markdown extension\'s renderer', async () => {
    const { original } = await openSample();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('markdown.api.render'), 'the built-in Markdown extension is present');
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', original);
    assert.deepEqual(markCounts(html), highlightedCounts(coreIndex(original)));
    const withNote = `${original}\n\n> [!question] Why dot products?\n> Other similarities are not tried.\n`;
    const noted = await vscode.commands.executeCommand<string>('markdown.api.render', withNote);
    assert.match(noted, /<div class="ps-callout ps-kind-question[ "]/);
  });
});
