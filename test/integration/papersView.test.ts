// The Papers view in a real host: the sample's papers and critique counts (as the core computes
// them), opening a node, live updates from unsaved edits and from files created, renamed and
// deleted, the filter, and revealing the paper at the cursor.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { countsOf } from '../../src/core/indexer';
import { CRITIQUE_KINDS } from '../../src/core/model';
import type { TreeSnapshotNode } from '../../src/vscode/commands/testSeams';
import {
  SAMPLE, activate, coreIndex, deleteIfExists, eventually, openSample, sampleFileNode, treeEvents, treeSnapshot, workspaceUri,
} from './paperStudyTestkit';
import { canTakeScreenshots, takeScreenshot } from './screenshot';

const EXTRA_PAPER = [
  '# Reading notes',
  '',
  '## Deep Residual Learning for Image Recognition',
  '',
  'The identity shortcuts make very deep networks trainable. However, the paper never explains why the degradation problem appears.',
  '',
].join('\n');

function runNodeCommand(node: TreeSnapshotNode): Thenable<unknown> {
  assert.ok(node.command, `${node.label} has a click command`);
  return vscode.commands.executeCommand(node.command.command, ...(node.command.arguments ?? []));
}

describe('Papers view', () => {
  before(activate);

  it('shows the sample\'s three papers with the core\'s critique counts', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SAMPLE)));
    const index = coreIndex(text);
    assert.equal(index.papers.length, 3);
    const file = await sampleFileNode();
    assert.deepEqual(file.children.map((p) => p.label), index.papers.map((p) => p.title));
    assert.equal(file.contextValue, 'paperStudy.file');
    file.children.forEach((paperNode, i) => {
      const counts = countsOf(index, i);
      assert.equal(paperNode.contextValue, 'paperStudy.paper');
      const kinds = CRITIQUE_KINDS.filter((k) => counts[k] > 0);
      assert.ok(kinds.length > 0, `paper ${i} has critique`);
      // One group per kind present (empty ones hidden), its count as description, one item per entry.
      assert.deepEqual(paperNode.children.map((g) => Number(g.description)), kinds.map((k) => counts[k]));
      paperNode.children.forEach((group) => assert.equal(group.children.length, Number(group.description)));
      for (const k of kinds) assert.match(paperNode.description ?? '', new RegExp(`\\b${counts[k]} `), `paper ${i} shows its ${k} count`);
    });
  });

  it('gives items their full text and source in the tooltip', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SAMPLE)));
    const index = coreIndex(text);
    const file = await sampleFileNode();
    const items = file.children.flatMap((p) => p.children.flatMap((g) => g.children));
    const critique = index.sentences.filter((s) => s.kind !== 'neutral' && s.note === undefined);
    assert.equal(items.length, critique.length + index.notes.length);
    const longest = critique.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const item = items.find((i) => i.tooltip?.includes(longest.text));
    assert.ok(item, 'the longest critique sentence is in a tooltip, whole');
    assert.ok(item.label.length <= 80, 'its label is shortened');
    assert.match(item.tooltip ?? '', new RegExp(`line ${longest.line}\\b`));
  });

  it('opens the file and selects the line of a clicked paper, and the text of a clicked item', async () => {
    const file = await sampleFileNode();
    const paperNode = file.children[1];
    await runNodeCommand(paperNode);
    let editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith(`/${SAMPLE}`));
    const index = coreIndex(editor.document.getText());
    assert.equal(editor.selection.start.line, index.papers[1].line - 1);
    assert.equal(editor.document.getText(editor.selection), editor.document.lineAt(index.papers[1].line - 1).text);

    const item = paperNode.children[0].children[0];
    await runNodeCommand(item);
    editor = vscode.window.activeTextEditor!;
    const selected = editor.document.getText(editor.selection);
    const sentence = index.sentences.find((s) => s.start === editor!.document.offsetAt(editor!.selection.start));
    assert.ok(sentence, 'the selection starts at a sentence');
    assert.equal(selected, editor.document.getText().slice(sentence.start, sentence.end));
  });

  it('updates only the edited file\'s node on unsaved edits', async () => {
    const { document, restore } = await openSample();
    try {
      await treeSnapshot();
      await treeEvents(); // forget earlier events
      const index = coreIndex(document.getText());
      const bert = index.papers[1];
      const before = countsOf(index, 1);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, document.positionAt(bert.end), '\n> [!weakness] Added by a test\n> It is only a test.\n\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(document.isDirty, 'the edit is not saved');
      const after = countsOf(coreIndex(document.getText()), 1);
      assert.equal(after.weakness, before.weakness + 1);
      const file = await sampleFileNode();
      const weaknesses = file.children[1].children.find((g) => g.contextValue === 'paperStudy.group' && g.label === 'Weaknesses');
      assert.equal(Number(weaknesses?.description), after.weakness);
      const events = await treeEvents();
      assert.ok(events.length > 0, 'the tree was told');
      assert.ok(!events.includes('all'), `no full refresh: ${JSON.stringify(events)}`);
      assert.ok(events.every((e) => Array.isArray(e) && e.length === 1 && e[0] === file.id), `only the file node: ${JSON.stringify(events)}`);
    } finally {
      await restore();
    }
  });

  it('follows files created, renamed and deleted', async () => {
    const created = workspaceUri('extra-summaries.md');
    const renamed = workspaceUri('more-summaries.md');
    try {
      await treeSnapshot();
      await vscode.workspace.fs.writeFile(created, new TextEncoder().encode(EXTRA_PAPER));
      const added = await eventually(async () => (await treeSnapshot()).roots.find((r) => r.label === 'extra-summaries.md'), 'the new file in the tree');
      assert.deepEqual(added.children.map((p) => p.label), ['Deep Residual Learning for Image Recognition']);

      const rename = new vscode.WorkspaceEdit();
      rename.renameFile(created, renamed);
      assert.ok(await vscode.workspace.applyEdit(rename));
      await eventually(async () => {
        const labels = (await treeSnapshot()).roots.map((r) => r.label);
        return labels.includes('more-summaries.md') && !labels.includes('extra-summaries.md') ? true : undefined;
      }, 'the renamed file in the tree');

      await vscode.workspace.fs.delete(renamed);
      await eventually(async () => ((await treeSnapshot()).roots.some((r) => r.label === 'more-summaries.md') ? undefined : true), 'the deleted file gone');
    } finally {
      await deleteIfExists(created);
      await deleteIfExists(renamed);
    }
  });

  it('filters by title and by kind, shows the filter, and clears it', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(SAMPLE)));
    const index = coreIndex(text);
    try {
      await vscode.commands.executeCommand('paperStudy.filter', { by: 'title', value: 'bert' });
      let snapshot = await treeSnapshot();
      assert.deepEqual(snapshot.roots.flatMap((f) => f.children.map((p) => p.label)), index.papers.filter((p) => /bert/i.test(p.title)).map((p) => p.title));
      assert.match(snapshot.description ?? '', /bert/);

      await vscode.commands.executeCommand('paperStudy.filter', { by: 'kind', value: 'question' });
      snapshot = await treeSnapshot();
      const withQuestions = index.papers.filter((_p, i) => countsOf(index, i).question > 0).map((p) => p.title);
      const shown = snapshot.roots.flatMap((f) => f.children);
      assert.deepEqual(shown.map((p) => p.label), withQuestions);
      assert.ok(shown.every((p) => p.children.length === 1 && p.children[0].label === 'Questions'), 'only the Questions groups');

      await vscode.commands.executeCommand('paperStudy.filter', { by: 'title', value: 'no paper has this title' });
      snapshot = await treeSnapshot();
      assert.equal(snapshot.roots.length, 0);
      assert.ok(snapshot.message, 'an empty filtered view says why');
    } finally {
      await vscode.commands.executeCommand('paperStudy.clearFilter');
    }
    const snapshot = await treeSnapshot();
    assert.equal(snapshot.description, undefined);
    assert.equal((await sampleFileNode()).children.length, index.papers.length);
  });

  it('leaves out excluded files and files above the size limit, re-reading the settings on change', async () => {
    const config = () => vscode.workspace.getConfiguration('paperStudy');
    const sampleShown = async () => (await treeSnapshot()).roots.some((r) => r.label === SAMPLE);
    const size = (await vscode.workspace.fs.stat(workspaceUri(SAMPLE))).size;
    assert.equal(await sampleShown(), true);
    try {
      await config().update('maxFileSizeKB', Math.floor(size / 1024), vscode.ConfigurationTarget.Global);
      await eventually(async () => (await sampleShown() ? undefined : true), 'the sample left out for its size');
      await config().update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Global);
      await eventually(async () => (await sampleShown() ? true : undefined), 'the sample back');
      await config().update('exclude', `**/${SAMPLE}`, vscode.ConfigurationTarget.Global);
      await eventually(async () => (await sampleShown() ? undefined : true), 'the sample excluded');
    } finally {
      await config().update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Global);
      await config().update('exclude', undefined, vscode.ConfigurationTarget.Global);
    }
    await eventually(async () => (await sampleShown() ? true : undefined), 'the sample back');
  });

  it('reveals the paper at the cursor, and the workbench draws it', async function () {
    const { editor, document } = await openSample();
    const index = coreIndex(document.getText());
    const position = document.positionAt(index.papers[2].start + 1);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('paperStudy.papers.focus');
    assert.equal(await vscode.commands.executeCommand('paperStudy.revealPaper'), true);
    if (!canTakeScreenshots()) return;
    // The revealed paper's row is drawn in the view (the driver waits for it, or fails).
    await takeScreenshot('papers-view', `.monaco-list-row[aria-label*="${index.papers[2].title}"]`);
  });
});
