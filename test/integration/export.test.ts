// Export in a real host: every flavour writes exactly the core's export of the same text, a paper
// alone too; the save dialog defaults beside the source; an existing file is never overwritten
// without asking; a file open with unsaved changes is never written over.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXPORT_FORMATS, exportDocument } from '../../src/core/export/index';
import { SAMPLE, activate, deleteIfExists, readText, setPrompts, workspaceUri } from './paperStudyTestkit';

const OUT = 'export-test-out';

describe('Export', () => {
  let source: string;

  before(async () => {
    await activate();
    await deleteIfExists(workspaceUri(OUT));
    source = await readText(workspaceUri(SAMPLE));
  });
  afterEach(() => setPrompts(undefined));
  after(() => deleteIfExists(workspaceUri(OUT)));

  for (const format of EXPORT_FORMATS) {
    it(`writes the core's ${format} export of the file and opens it`, async () => {
      const target = workspaceUri(OUT, `file.${format}`);
      const written = await vscode.commands.executeCommand<string[]>('paperStudy.export', {
        uri: workspaceUri(SAMPLE).toString(), scope: 'file', format, target: target.toString(),
      });
      assert.deepEqual(written, [target.toString()]);
      assert.equal(await readText(target), exportDocument(source, { format, fileName: `../${SAMPLE}` }));
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
    });
  }

  it('exports one paper, asking scope, flavour and place (beside the source by default)', async () => {
    const target = workspaceUri(OUT, 'bert.obsidian.md');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setPrompts({ picks: ['paper', 'obsidian', `${workspaceUri(SAMPLE).toString()}#1`], saveFiles: [target.toString()] });
    const written = await vscode.commands.executeCommand<string[]>('paperStudy.export', { uri: workspaceUri(SAMPLE).toString() });
    const asked = await setPrompts(undefined);
    assert.deepEqual(written, [target.toString()]);
    assert.deepEqual(asked.map((a) => a.kind), ['picks', 'picks', 'picks', 'saveFiles']);
    const defaultUri = vscode.Uri.parse(asked[3].defaultUri!);
    assert.equal(defaultUri.path.slice(0, defaultUri.path.lastIndexOf('/')), workspaceUri().path, 'beside the source');
    assert.match(defaultUri.path, /\/paper-summaries\.[a-z0-9-]+\.obsidian\.md$/);
    assert.equal(await readText(target), exportDocument(source, { format: 'obsidian', fileName: `../${SAMPLE}`, paper: 1 }));
  });

  it('asks before overwriting a file given as target, and keeps it when told no', async () => {
    const target = workspaceUri(OUT, 'existing.plain.md');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('keep me'));
    await setPrompts({ confirms: [false] });
    const written = await vscode.commands.executeCommand<string[]>('paperStudy.export', {
      uri: workspaceUri(SAMPLE).toString(), scope: 'file', format: 'plain', target: target.toString(),
    });
    assert.deepEqual(written, []);
    assert.equal(await readText(target), 'keep me');
    assert.deepEqual((await setPrompts({ confirms: [true] })).map((a) => a.kind), ['confirms']);
    await vscode.commands.executeCommand('paperStudy.export', { uri: workspaceUri(SAMPLE).toString(), scope: 'file', format: 'plain', target: target.toString() });
    assert.equal(await readText(target), exportDocument(source, { format: 'plain', fileName: `../${SAMPLE}` }));
  });

  it('never writes over a file that is open with unsaved changes', async () => {
    // Auto save (on in VS Code for the Web) would save the document under the test's feet.
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const target = workspaceUri(OUT, 'dirty.github.md');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('on disk'));
    const document = await vscode.workspace.openTextDocument(target);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'unsaved '));
    try {
      await setPrompts({ confirms: [true] });
      const written = await vscode.commands.executeCommand<string[] | undefined>('paperStudy.export', {
        uri: workspaceUri(SAMPLE).toString(), scope: 'file', format: 'github', target: target.toString(),
      });
      assert.ok(!written || written.length === 0, 'nothing written');
      assert.equal(await readText(target), 'on disk');
      assert.equal(document.getText(), 'unsaved on disk');
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    }
  });

  it('exports the workspace into a folder, one file per summary', async () => {
    const folder = workspaceUri(OUT, 'all');
    const written = await vscode.commands.executeCommand<string[]>('paperStudy.export', { scope: 'workspace', format: 'github', target: folder.toString() });
    const expected = vscode.Uri.joinPath(folder, 'paper-summaries.github.md');
    assert.deepEqual(written, [expected.toString()]);
    assert.equal(await readText(expected), exportDocument(source, { format: 'github', fileName: `../../${SAMPLE}` }));
  });
});
