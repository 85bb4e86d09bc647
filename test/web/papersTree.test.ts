// Paper Study's browser bundle in the web-worker extension host of a real VS Code (code-server's web
// workbench): it activates with no Node at all, fills the Papers tree from workspace files read
// through workspace.fs, follows new files, and inserts notes through the editor API.
import * as vscode from 'vscode';
import { countsOf, indexDocument } from '../../src/core/indexer';
import { CRITIQUE_KINDS } from '../../src/core/model';
import type { TreeSnapshot } from '../../src/vscode/commands/testSeams';
import * as assert from './assert';

const EXTENSION_ID = 'paper-study.paper-study';
const SAMPLE = 'paper-summaries.md';

function workspaceUri(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

function treeSnapshot(): Thenable<TreeSnapshot> {
  return vscode.commands.executeCommand<TreeSnapshot>('paperStudy._test.getTreeSnapshot');
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new assert.AssertionError(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Web extension (browser bundle in the web-worker host)', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is loaded`);
    extension = found;
    await extension.activate();
  });

  it('runs in the web worker, with no Node globals', () => {
    assert.equal(extension.isActive, true);
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'the extension runs on the UI side');
    const scope = globalThis as Record<string, unknown>;
    assert.equal(typeof scope.importScripts, 'function', 'this is a worker');
    for (const name of ['require', 'module', 'Buffer', '__dirname']) assert.equal(typeof scope[name], 'undefined', `no ${name}`);
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'vscode-remote', 'the workspace is only reachable through workspace.fs');
  });

  it('fills the Papers tree with the sample\'s papers and the core\'s counts', async () => {
    const index = indexDocument(await readText(workspaceUri(SAMPLE)), { fileName: SAMPLE });
    const snapshot = await treeSnapshot();
    const file = snapshot.roots.find((r) => r.label === SAMPLE);
    assert.ok(file, `${SAMPLE} is in the tree (roots: ${snapshot.roots.map((r) => r.label).join(', ')})`);
    assert.equal(index.papers.length, 3);
    assert.deepEqual(file.children.map((p) => p.label), index.papers.map((p) => p.title));
    file.children.forEach((paper, i) => {
      const counts = countsOf(index, i);
      const kinds = CRITIQUE_KINDS.filter((k) => counts[k] > 0);
      assert.deepEqual(paper.children.map((g) => Number(g.description)), kinds.map((k) => counts[k]), `paper ${i} groups`);
    });
  });

  it('shows a file written through workspace.fs after a refresh, and drops it once deleted', async () => {
    const uri = workspaceUri('web-extra.md');
    const text = '# Reading notes\n\n## Deep Residual Learning for Image Recognition\n\nThe shortcuts make deep networks trainable. However, the paper never explains why.\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await vscode.commands.executeCommand('paperStudy.refresh');
      const added = await eventually(async () => (await treeSnapshot()).roots.find((r) => r.label === 'web-extra.md'), 'the new file in the tree');
      assert.deepEqual(added.children.map((p) => p.label), ['Deep Residual Learning for Image Recognition']);
    } finally {
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
    await vscode.commands.executeCommand('paperStudy.refresh');
    await eventually(async () => ((await treeSnapshot()).roots.some((r) => r.label === 'web-extra.md') ? undefined : true), 'the deleted file gone');
  });

  it('inserts a weakness note into the paper at the cursor', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(SAMPLE));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const original = document.getText();
    try {
      const index = indexDocument(original, { fileName: SAMPLE });
      editor.selection = new vscode.Selection(document.positionAt(index.sentences.find((s) => s.paper === 1)!.start), document.positionAt(index.sentences.find((s) => s.paper === 1)!.start));
      assert.equal(await vscode.commands.executeCommand('paperStudy.insertWeakness', { title: 'Web note', body: 'Written in the browser.' }), true);
      const note = indexDocument(document.getText(), { fileName: SAMPLE }).notes.find((n) => n.title === 'Web note');
      assert.ok(note, 'the core reads the note back');
      assert.equal(note.kind, 'weakness');
      assert.equal(note.paper, 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(document.getText(), original, 'the sample is back');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
