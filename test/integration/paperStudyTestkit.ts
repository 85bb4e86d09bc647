// Shared helpers of the Paper Study integration tests: the sample document, the extension's test
// seams (tree snapshot, scripted prompts, tree events) and restoring what a test changed.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { indexDocument } from '../../src/core/indexer';
import type { DocumentIndex } from '../../src/core/model';
import type { ScriptedAnswers, AskedPrompt } from '../../src/vscode/prompts';
import type { TreeSnapshot, TreeSnapshotNode } from '../../src/vscode/commands/testSeams';

export const EXTENSION_ID = 'paper-study.paper-study';
export const SAMPLE = 'paper-summaries.md';

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri;
}

export function workspaceUri(...path: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...path);
}

export async function activate(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await extension.activate();
}

/** The core's index of `text`, as the extension computes it with default settings. */
export function coreIndex(text: string, fileName = SAMPLE): DocumentIndex {
  return indexDocument(text, { fileName });
}

export function treeSnapshot(): Thenable<TreeSnapshot> {
  return vscode.commands.executeCommand<TreeSnapshot>('paperStudy._test.getTreeSnapshot');
}

export async function sampleFileNode(): Promise<TreeSnapshotNode> {
  const snapshot = await treeSnapshot();
  const node = snapshot.roots.find((r) => r.label === SAMPLE);
  assert.ok(node, `${SAMPLE} is in the tree (roots: ${snapshot.roots.map((r) => r.label).join(', ')})`);
  return node;
}

/** Installs scripted answers; with none, restores the real prompts and returns what was asked. */
export function setPrompts(answers?: ScriptedAnswers): Thenable<AskedPrompt[]> {
  return vscode.commands.executeCommand<AskedPrompt[]>('paperStudy._test.setPrompts', answers);
}

export function treeEvents(): Thenable<(string | string[])[]> {
  return vscode.commands.executeCommand<(string | string[])[]>('paperStudy._test.getTreeEvents');
}

/** Opens the sample in an editor; `restore()` puts back its text and saves it. */
export async function openSample(): Promise<{ editor: vscode.TextEditor; document: vscode.TextDocument; original: string; restore: () => Promise<void> }> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(SAMPLE));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const original = document.getText();
  const restore = async () => {
    if (document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      assert.ok(await vscode.workspace.applyEdit(edit), 'restoring the sample');
    }
    if (document.isDirty) await document.save();
  };
  return { editor, document, original, restore };
}

/** Polls `probe` until it returns a value other than undefined (events from the file watcher are
 *  asynchronous); fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function deleteIfExists(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  } catch {
    // not there
  }
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
