// The packaged extension, as a user gets it: `npm run test:vsix` installs the built .vsix into a fresh
// extensions folder and runs the whole suite with no extension development path; the driver then
// sets PAPER_STUDY_VSIX. These tests check what only holds for the installed package (they are
// skipped in the development run), on top of every other suite passing against it.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, SAMPLE, activate, treeSnapshot } from './paperStudyTestkit';

/** Every file below `dir`, as paths relative to it. */
async function listFiles(dir: vscode.Uri, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    const relative = `${prefix}${name}`;
    if (type & vscode.FileType.Directory) files.push(...await listFiles(vscode.Uri.joinPath(dir, name), `${relative}/`));
    else files.push(relative);
  }
  return files.sort();
}

describe('The installed .vsix', function () {
  let extension: vscode.Extension<unknown>;

  before(async function () {
    if (!process.env.PAPER_STUDY_VSIX) this.skip();
    await activate();
    extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  });

  it('runs from the extensions folder, not from a development path', () => {
    assert.equal(extension.isActive, true);
    assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace, 'the Node extension host of the server runs it');
    assert.match(extension.extensionUri.path, /\/extensions\/paper-study\.paper-study-\d+\.\d+\.\d+$/);
  });

  it('holds the bundles, media, sample and manifest, and no sources, maps, tests or node_modules', async () => {
    const files = await listFiles(extension.extensionUri);
    for (const needed of ['package.json', 'package.nls.json', 'dist/extension.js', 'dist/web/extension.js', 'dist/webview.js', 'media/icon.png', 'examples/paper-summaries.md']) {
      assert.ok(files.includes(needed), `${needed} is installed (files: ${files.join(', ')})`);
    }
    const unwanted = files.filter((f) => /^(src|test|scripts|node_modules|bench|\.vscode-test)\/|\.(map|ts|vsix)$|^dist\/(cli|bench)\.js$/.test(f));
    assert.deepEqual(unwanted, []);
    assert.deepEqual(files.filter((f) => f.startsWith('dist/')), ['dist/extension.js', 'dist/web/extension.js', 'dist/webview.js']);
  });

  it('contributes the Papers view and fills it from the sample workspace', async () => {
    const manifest = extension.packageJSON as { contributes: { views: Record<string, { id: string }[]> } };
    assert.deepEqual(manifest.contributes.views.paperStudy.map((v) => v.id), ['paperStudy.papers']);
    const snapshot = await treeSnapshot();
    const file = snapshot.roots.find((r) => r.label === SAMPLE);
    assert.ok(file, `${SAMPLE} is in the tree`);
    assert.deepEqual(file.children.map((p) => p.label), [
      'Attention Is All You Need',
      'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      'Unsolved Problems in ML Safety',
    ]);
    assert.ok(file.children.every((p) => p.children.length > 0), 'every paper has critique groups');
  });

  it('opens the bundled sample from the package', async () => {
    const opened = await vscode.commands.executeCommand<string>('paperStudy.openSample');
    assert.equal(opened, vscode.Uri.joinPath(extension.extensionUri, 'examples', 'paper-summaries.md').toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), opened);
    assert.match(vscode.window.activeTextEditor!.document.getText(), /^# Paper Summaries/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
