// Scale in a real host: activation does no work worth waiting for, and a scan of a 10,000-file vault
// runs in slices: a command is answered while it runs, the tree's first level fills in before it
// ends, and at the end every file is in the tree. Times are printed, not asserted (beyond sanity).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SCAN_STATE_COMMAND, type ScanState } from '../../src/vscode/commands/testSeams';
import { activate, treeEvents, workspaceFolder } from './paperStudyTestkit';

const VAULT = 'scale-test-vault';
const FILES = 10000;
/** The default `paperStudy.exclude`, plus the vault. */
const EXCLUDE_VAULT = `**/{node_modules/**,*.github.md,*.obsidian.md,*.plain.md,${VAULT}/**}`;

function scanState(options?: { idle?: boolean; roots?: boolean }): Thenable<ScanState> {
  return vscode.commands.executeCommand<ScanState>(SCAN_STATE_COMMAND, options);
}

/** A small summary: one paper (or, every fifth file, a collection of two), with critique. */
function vaultFile(k: number): string {
  const paper = (n: number) => [
    `## Learning to Study Paper Summaries, Part ${n}`, '',
    `The authors train a model on ${n % 97} thousand summaries and report strong results on every benchmark.`,
    'However, they do not evaluate on long documents, which is a major weakness.', '',
    '- It is simple to implement.', `- I wonder how it scales beyond ${n % 13} languages?`, '',
  ].join('\n');
  if (k % 5 === 0) return [`# Reading group ${k}`, '', paper(k), paper(k + 1)].join('\n');
  return paper(k).replace(/^## /, '# ');
}

/** A summary of about `kb` KB: many papers of the vault's kind, each with critique. */
function bigSummary(kb: number): string {
  const parts = ['# Reading group, long', ''];
  for (let n = 0, size = 0; size < kb * 1024; n++) {
    const paper = vaultFile(1000 + n * 5 + 1).replace(/^# /, '## ');
    parts.push(paper);
    size += paper.length + 1;
  }
  return parts.join('\n');
}

function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls the scan state until `ready` holds (edits are indexed after a debounce). */
async function eventuallyState(ready: (s: ScanState) => boolean, timeoutMs = 20000): Promise<ScanState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await scanState({ idle: true, roots: false });
    if (ready(state)) return state;
    if (Date.now() > deadline) assert.fail(`timed out; last state ${JSON.stringify(state)}`);
    await settle(100);
  }
}

describe('Scale', function () {
  this.timeout(240000);
  const config = () => vscode.workspace.getConfiguration('paperStudy');
  let vaultDir: string;

  before(async () => {
    await activate();
    vaultDir = path.join(workspaceFolder().fsPath, VAULT);
  });

  after(async () => {
    fs.rmSync(vaultDir, { recursive: true, force: true });
    await config().update('exclude', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('paperStudy.refresh');
    await scanState({ idle: true });
  });

  it('records how long activation took, and it did no scanning', async () => {
    const state = await scanState();
    assert.equal(typeof state.activationMs, 'number', 'activate() recorded its time');
    console.log(`      activate() took ${state.activationMs} ms (${state.activationCpuMs ?? '–'} ms of CPU time)`);
    assert.ok(state.activationMs! < 2000, `activation took ${state.activationMs} ms`);
    assert.equal(typeof state.activationCpuMs, 'number', 'the Node extension host measured its CPU time too');
  });

  it('scans 10,000 files in slices: commands are answered and the tree fills in before the scan ends', async () => {
    const before = await scanState({ idle: true });
    // Write the vault while it is excluded, so that only the rescan below reads it.
    await config().update('exclude', EXCLUDE_VAULT, vscode.ConfigurationTarget.Global);
    await scanState({ idle: true });
    const written = Date.now();
    for (let k = 0; k < 50; k++) fs.mkdirSync(path.join(vaultDir, `topic-${k}`), { recursive: true });
    for (let k = 0; k < FILES; k += 100) {
      const batch = Array.from({ length: Math.min(100, FILES - k) }, (_v, j) => k + j);
      await Promise.all(batch.map((n) => fs.promises.writeFile(path.join(vaultDir, `topic-${n % 50}`, `summary-${n}.md`), vaultFile(n))));
    }
    console.log(`      wrote ${FILES} files in ${Date.now() - written} ms`);
    await settle(1000); // let the file watcher's events arrive and be handled (the folder is excluded)
    await scanState({ idle: true });

    // Including the folder again starts a rescan. While it runs: a quick command, timed (is the
    // extension host free?), and the tree's first level (does it fill in?).
    const started = Date.now();
    await config().update('exclude', undefined, vscode.ConfigurationTarget.Global);
    const calls: { ms: number; at: number; state: ScanState }[] = [];
    let early: ScanState | undefined; // the first answer showing vault files while most were still to read
    let sawScan = false;
    for (;;) {
      const asked = Date.now();
      const state = await scanState({ roots: false });
      calls.push({ ms: Date.now() - asked, at: asked - started, state });
      if (state.scanning) {
        sawScan = true;
        const listed = early ? undefined : await scanState();
        if (listed?.scanning && listed.roots > before.roots && listed.done < listed.total / 2) early = listed;
      } else if (sawScan || Date.now() - started > 20000) break;
      await settle(50);
    }
    const after = await scanState({ idle: true });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const sorted = calls.map((c) => c.ms).sort((a, b) => a - b);
    const slowest = calls.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`      scan of ${after.files - before.files} new files took ~${seconds} s; ${calls.length} seam calls answered, `
      + `median ${sorted[sorted.length >> 1]} ms, slowest ${slowest.ms} ms (asked at ${slowest.at} ms, ${slowest.state.done}/${slowest.state.total} read)`);
    console.log(`      first level while scanning: ${early ? `${early.roots} files with ${early.done}/${early.total} read` : 'not seen'}; after: ${after.roots}`);
    assert.ok(sawScan, 'the rescan was seen running');
    assert.ok(calls.length >= 3, 'the seam was answered several times while the scan ran');
    assert.ok(slowest.ms < 10000, 'every call was answered (sanity bound only)');
    assert.ok(early, 'the tree\'s first level showed vault files before half of them were read');
    assert.equal(after.files, before.files + FILES, 'every vault file is indexed');
    assert.equal(after.roots, before.roots + FILES, 'every vault file is on the first level');
  });

  it('re-indexes only the edited file of the vault after an edit, reading again only the changed sentence', async () => {
    const uri = vscode.Uri.file(path.join(vaultDir, 'topic-7', 'summary-7.md'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const whole = () => new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    try {
      // Make it a 100 KB summary (unsaved), and let the index take it in.
      const grow = new vscode.WorkspaceEdit();
      grow.replace(uri, whole(), bigSummary(100));
      assert.ok(await vscode.workspace.applyEdit(grow));
      const grown = await eventuallyState((s) => s.lastEdit?.path === uri.path && s.lastEdit.reused + s.lastEdit.read > 1000);
      await treeEvents(); // forget earlier events

      // One edit: a word typed into a sentence in the middle.
      const text = document.getText();
      const at = text.indexOf('they do not evaluate', text.length >> 1);
      const type = new vscode.WorkspaceEdit();
      type.insert(uri, document.positionAt(at), 'still ');
      assert.ok(await vscode.workspace.applyEdit(type));
      const after = await eventuallyState((s) => s.lastEdit?.path === uri.path && s.lastEdit.reused + s.lastEdit.read > 1000 && s.lastEdit.seq > grown.lastEdit!.seq && s.lastEdit.read <= 1);
      const edit = after.lastEdit!;
      console.log(`      one edit to a ${(text.length / 1024).toFixed(0)} KB summary: re-indexed in ${edit.ms.toFixed(1)} ms (${edit.cpuMs ?? '–'} ms of CPU time), ${edit.read} sentence(s) read again, ${edit.reused} reused, ${edit.units} units of prose taken as they were`);
      // (0 when the editor's highlights indexed the new text first: the memo is the document's.)
      assert.ok(edit.read <= 1 && edit.reused > 1000, 'only the edited sentence was read again');
      assert.ok(edit.units > 100, 'the paragraphs the edit did not touch were not split again');
      assert.equal(typeof edit.cpuMs, 'number', 'the Node extension host measured the edit\'s CPU time too');
      assert.equal(after.files, grown.files, 'no other file was added or dropped');
      const events = await treeEvents();
      const fileId = `file:${uri.toString()}`;
      assert.ok(events.length > 0, 'the tree was told');
      assert.ok(events.every((e) => Array.isArray(e) && e.length === 1 && e[0] === fileId), `only the file's node was refreshed: ${JSON.stringify(events)}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('drops the vault again when its folder is deleted', async () => {
    const before = await scanState({ idle: true });
    await fs.promises.rm(vaultDir, { recursive: true, force: true });
    await vscode.commands.executeCommand('paperStudy.refresh');
    const after = await scanState({ idle: true });
    assert.equal(after.files, before.files - FILES);
    assert.equal(after.roots, before.roots - FILES);
  });
});
