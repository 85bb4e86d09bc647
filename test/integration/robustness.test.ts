// Edits never lose work and hostile content runs nothing, in a real host: a note goes into an unsaved
// document, into a document another edit changes while the note is prepared (it is recomputed, or
// refused when its place is gone), and into a CRLF file with a BOM; each is one undo step that
// restores the text exactly. Export asks before overwriting and a failed write keeps the old file.
// The trust declaration, the tree's view of hidden characters and skipped binaries, and the study
// panel under malformed messages and hostile links complete it.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { noteInsertionEdit } from '../../src/core/noteInsertion';
import { applyTextEdit } from '../../src/core/textEdit';
import type { StudyPanelSnapshot } from '../../src/vscode/studyPanel/studyPanel';
import type { InterleavedEdit } from '../../src/vscode/commands/testSeams';
import type { TreeSnapshotNode } from '../../src/vscode/commands/testSeams';
import { unsafeParts } from '../robustness/safeHtml';
import { EXTENSION_ID, activate, coreIndex, deleteIfExists, eventually, readText, setPrompts, treeSnapshot, workspaceUri } from './paperStudyTestkit';

const PAPERS = '# Paper: Robust Edits\n\nThis is a weakness of the paper.\n\nIt works extremely well.\n\n# Paper: Second One\n\nI think it is slow.\n';
const SPEC = { kind: 'weakness', title: 'Kept', body: 'Never lost.' };
const encoder = new TextEncoder();

function interleave(edits: readonly InterleavedEdit[]): Thenable<number> {
  return vscode.commands.executeCommand<number>('paperStudy._test.interleaveEdits', edits);
}

function insertWeakness(args: Record<string, unknown>): Thenable<boolean | undefined> {
  return vscode.commands.executeCommand<boolean | undefined>('paperStudy.insertWeakness', { title: SPEC.title, body: SPEC.body, ...args });
}

async function undoIn(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('undo');
}

/** A file of the test workspace with these bytes, open in an editor. */
async function openFresh(name: string, content: string | Uint8Array): Promise<vscode.TextDocument> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? encoder.encode(content) : content);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Waits until the index has dropped the files these tests made (the watcher reports deletions a
 *  little later), so that later suites count the workspace they expect. */
function forgotten(): Promise<true> {
  return eventually(async () => ((await treeSnapshot()).roots.some((r) => r.label.includes('robust-')) ? undefined : true), 'the test files gone from the index');
}

async function closeAndDelete(...names: string[]): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const name of names) await deleteIfExists(workspaceUri(name));
}

describe('Robustness: edits never lose work', () => {
  let autoSave: unknown;
  before(async () => {
    await activate();
    // Auto save (on in VS Code for the Web) would save documents under the tests' feet.
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    await forgotten();
  });
  afterEach(async () => {
    await interleave([]);
    await setPrompts(undefined);
  });

  it('inserts into an unsaved document, leaves the file on disk alone, and undo restores the unsaved text', async () => {
    const document = await openFresh('robust-dirty.md', PAPERS);
    try {
      const editor = await vscode.window.showTextDocument(document);
      const added = 'An unsaved sentence.';
      await editor.edit((b) => b.insert(document.positionAt(PAPERS.indexOf('It works')), `${added} `));
      const dirty = document.getText();
      assert.ok(document.isDirty);
      const offset = dirty.indexOf(added) + added.length;
      assert.equal(await insertWeakness({ uri: document.uri.toString(), offset }), true);
      assert.equal(document.getText(), applyTextEdit(dirty, noteInsertionEdit(dirty, { offset }, SPEC)));
      assert.equal(await readText(document.uri), PAPERS, 'the file on disk is untouched');
      await undoIn(document);
      assert.equal(document.getText(), dirty, 'one undo restores the unsaved text exactly');
      assert.ok(document.isDirty);
    } finally {
      await closeAndDelete('robust-dirty.md');
    }
  });

  it('recomputes the place when another edit lands after the note was planned', async () => {
    const document = await openFresh('robust-interleave.md', PAPERS);
    try {
      const offset = PAPERS.indexOf('It works extremely well.') + 'It works extremely well.'.length;
      const landed = 'Someone else typed this. ';
      const at = PAPERS.indexOf('This is a weakness');
      await interleave([{ offset: at, text: landed }]);
      assert.equal(await insertWeakness({ uri: document.uri.toString(), offset }), true);
      assert.equal(await interleave([]), 1, 'the other edit landed between planning and applying');
      const changed = applyTextEdit(PAPERS, { start: at, end: at, newText: landed });
      assert.equal(document.getText(), applyTextEdit(changed, noteInsertionEdit(changed, { offset: offset + landed.length }, SPEC)),
        'the note is where it was meant to go, after the sentence, not at the stale offset');
      await undoIn(document);
      assert.equal(document.getText(), changed, 'undo takes back the note, not the other edit');
    } finally {
      await closeAndDelete('robust-interleave.md');
    }
  });

  it('follows its paper when another edit lands inside it', async () => {
    const document = await openFresh('robust-paper-end.md', PAPERS);
    try {
      const at = PAPERS.indexOf('# Paper: Second One');
      const landed = 'A paragraph added meanwhile.\n\n';
      await interleave([{ offset: at, text: landed }]);
      assert.equal(await insertWeakness({ uri: document.uri.toString(), paper: 0 }), true);
      const changed = applyTextEdit(PAPERS, { start: at, end: at, newText: landed });
      const paper = coreIndex(changed, 'robust-paper-end.md').papers[0];
      assert.equal(document.getText(), applyTextEdit(changed, noteInsertionEdit(changed, { paperEnd: { start: paper.start, end: paper.end } }, SPEC)));
      await undoIn(document);
      assert.equal(document.getText(), changed);
    } finally {
      await closeAndDelete('robust-paper-end.md');
    }
  });

  it('refuses, and changes nothing, when the other edit removed the place of the note', async () => {
    const document = await openFresh('robust-refused.md', PAPERS);
    try {
      const sentence = 'It works extremely well.';
      const offset = PAPERS.indexOf(sentence) + sentence.length;
      await interleave([{ offset: PAPERS.indexOf(sentence), deleteLength: sentence.length + 1, text: '' }]);
      assert.equal(await insertWeakness({ uri: document.uri.toString(), offset }), undefined, 'the command failed with a message');
      const changed = PAPERS.replace(`${sentence}\n`, '');
      assert.equal(document.getText(), changed, 'no note at a stale position');
      assert.equal(coreIndex(document.getText()).notes.length, 0);
    } finally {
      await closeAndDelete('robust-refused.md');
    }
  });

  it('gives up with a message when the document keeps changing, and inserts nothing', async () => {
    const document = await openFresh('robust-busy.md', PAPERS);
    try {
      await interleave([{ offset: 0, text: 'a' }, { offset: 0, text: 'b' }, { offset: 0, text: 'c' }, { offset: 0, text: 'd' }]);
      assert.equal(await insertWeakness({ uri: document.uri.toString(), paper: 0 }), undefined);
      assert.equal(await interleave([]), 3, 'three attempts, each overtaken');
      assert.equal(document.getText(), `cba${PAPERS}`);
    } finally {
      await closeAndDelete('robust-busy.md');
    }
  });

  it('keeps CRLF line endings and the BOM; undo and save give back the same bytes', async () => {
    const original = Uint8Array.from([0xef, 0xbb, 0xbf, ...encoder.encode(PAPERS.replace(/\n/g, '\r\n'))]);
    const document = await openFresh('robust-crlf.md', original);
    try {
      assert.equal(document.eol, vscode.EndOfLine.CRLF);
      const text = document.getText();
      const offset = text.indexOf('It works extremely well.') + 'It works extremely well.'.length;
      assert.equal(await insertWeakness({ uri: document.uri.toString(), offset }), true);
      assert.equal(document.getText(), applyTextEdit(text, noteInsertionEdit(text, { offset }, SPEC)));
      assert.doesNotMatch(document.getText(), /(^|[^\r])\n/, 'no lone LF');
      await document.save();
      const saved = await vscode.workspace.fs.readFile(document.uri);
      assert.deepEqual([...saved.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is kept');
      assert.doesNotMatch(new TextDecoder().decode(saved), /(^|[^\r])\n/);
      await undoIn(document);
      assert.equal(document.getText(), text);
      await document.save();
      assert.deepEqual([...await vscode.workspace.fs.readFile(document.uri)], [...original], 'byte for byte');
    } finally {
      await closeAndDelete('robust-crlf.md');
    }
  });
});

/** A file system whose writes fail after truncating the file, as a full disk does to `open(O_TRUNC)`:
 *  a write straight onto an existing file would lose it. */
class FailingFileSystem implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/' || uri.path === '/out') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: data.length };
  }
  readDirectory(): [string, vscode.FileType][] { return [...this.files.keys()].map((p) => [p.slice(p.lastIndexOf('/') + 1), vscode.FileType.File]); }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const data = this.files.get(uri.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(uri);
    return data;
  }
  writeFile(uri: vscode.Uri): void {
    this.files.set(uri.path, new Uint8Array(0));
    throw vscode.FileSystemError.NoPermissions('No space left on device');
  }
  delete(uri: vscode.Uri): void { this.files.delete(uri.path); }
  rename(from: vscode.Uri, to: vscode.Uri): void {
    const data = this.files.get(from.path);
    if (!data) throw vscode.FileSystemError.FileNotFound(from);
    this.files.set(to.path, data);
    this.files.delete(from.path);
  }
}

describe('Robustness: export keeps existing files', () => {
  const source = 'robust-export-source.md';
  before(async () => {
    await activate();
    await vscode.workspace.fs.writeFile(workspaceUri(source), encoder.encode(PAPERS));
  });
  after(async () => {
    await deleteIfExists(workspaceUri(source));
    await forgotten();
  });
  afterEach(() => setPrompts(undefined));

  it('asks before overwriting; cancelling keeps the file', async () => {
    const target = workspaceUri('robust-existing.html');
    await vscode.workspace.fs.writeFile(target, encoder.encode('an older export'));
    try {
      await setPrompts({ confirms: [false] });
      const written = await vscode.commands.executeCommand<string[]>('paperStudy.export', {
        uri: workspaceUri(source).toString(), scope: 'file', format: 'html', target: target.toString(),
      });
      assert.deepEqual((await setPrompts(undefined)).map((a) => a.kind), ['confirms'], 'it asked');
      assert.deepEqual(written, []);
      assert.equal(await readText(target), 'an older export');
    } finally {
      await deleteIfExists(target);
    }
  });

  it('a write that fails leaves the old file intact and no temporary file behind', async () => {
    const fsProvider = new FailingFileSystem();
    fsProvider.files.set('/out/existing.html', encoder.encode('an older export'));
    const registration = vscode.workspace.registerFileSystemProvider('ps-failing', fsProvider);
    try {
      await setPrompts({ confirms: [true] });
      const written = await vscode.commands.executeCommand<string[] | undefined>('paperStudy.export', {
        uri: workspaceUri(source).toString(), scope: 'file', format: 'html', target: 'ps-failing:/out/existing.html',
      });
      assert.equal(written, undefined, 'the command failed (with a message)');
      assert.equal(new TextDecoder().decode(fsProvider.files.get('/out/existing.html')), 'an older export');
      assert.deepEqual([...fsProvider.files.keys()], ['/out/existing.html'], 'no temporary file left');
    } finally {
      registration.dispose();
    }
  });
});

describe('Robustness: trust, hidden characters and broken files', () => {
  before(activate);
  after(forgotten);

  it('declares Restricted Mode support truthfully, restricting the settings a workspace could abuse', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: unknown; description?: string; restrictedConfigurations?: string[] } };
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.ok(trust.description);
    assert.deepEqual(trust.restrictedConfigurations, [
      'paperStudy.include', 'paperStudy.exclude', 'paperStudy.maxFileSizeKB', 'paperStudy.decorations.maxFileSizeKB', 'paperStudy.cues',
    ]);
    for (const key of trust.restrictedConfigurations!) assert.ok(key in manifest.contributes.configuration.properties, `${key} is a setting`);
  });

  it('shows direction overrides and zero-width characters visibly in the tree, and skips binary and UTF-16 files', async () => {
    const hiddenName = 'robust-invoice\u202Edm.exe.md';
    const files: [string, Uint8Array][] = [
      [hiddenName, encoder.encode('# Paper: \u202Eevil\u202C Title\u200B\n\nThis is a weakness of the paper.\n\n> [!weakness] Hidden\u200Bnote \u202Eright\n')],
      ['robust-binary.md', Uint8Array.from([0x23, 0x20, 0x50, 0, 0, 0, 0xff, 0x0a])],
      ['robust-utf16.md', Uint8Array.from([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'# Paper: UTF-16 Title\n'].map((c) => c.charCodeAt(0))).buffer)])],
    ];
    for (const [name, bytes] of files) await vscode.workspace.fs.writeFile(workspaceUri(name), bytes);
    try {
      const node = await eventually(async () => (await treeSnapshot()).roots.find((r) => r.label.includes('robust-invoice')), 'the file in the tree');
      assert.equal(node.label, 'robust-invoice<U+202E>dm.exe.md');
      const paper = node.children[0];
      assert.equal(paper.label, 'Paper: evil Title');
      const labels = (n: TreeSnapshotNode): string[] => [n.label, ...n.children.flatMap(labels)];
      assert.ok(labels(paper).some((l) => l.includes('Hidden<U+200B>note <U+202E>right')), labels(paper).join(' | '));
      const roots = (await treeSnapshot()).roots.map((r) => r.label);
      assert.ok(!roots.includes('robust-binary.md') && !roots.includes('robust-utf16.md'), roots.join(', '));
    } finally {
      for (const [name] of files) await deleteIfExists(workspaceUri(name));
    }
  });
});

describe('Robustness: the study panel under hostile content and messages', () => {
  const name = 'robust-hostile.md';
  const text = [
    '# Paper: Hostile', '', 'This is a weakness of the paper. <script>alert(1)</script> <img src=x onerror=alert(1)>', '',
    '[a](javascript:alert(1)) [b](command:workbench.action.quit) [c](file:///etc/passwd) [d](../../../../etc/passwd)', '',
    '> [!weakness] "><svg onload=alert(1)>', '> body', '',
  ].join('\n');
  const panelState = () => vscode.commands.executeCommand<StudyPanelSnapshot | undefined>('paperStudy._test.getStudyPanelState');
  const act = (action: unknown) => vscode.commands.executeCommand<boolean>('paperStudy._test.studyPanelAction', action);

  before(async () => {
    await activate();
    await vscode.workspace.fs.writeFile(workspaceUri(name), encoder.encode(text));
    await vscode.commands.executeCommand('paperStudy.openStudyPanel', { uri: workspaceUri(name).toString() });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteIfExists(workspaceUri(name));
    await forgotten();
  });

  it('renders hostile Markdown with nothing that runs', async () => {
    const s = await eventually(async () => { const x = await panelState(); return x?.rendered && x.report?.serial === x.rendered.serial ? x : undefined; }, 'the panel rendered');
    assert.deepEqual(unsafeParts(s.rendered!.html), []);
    assert.match(s.rendered!.html, /&lt;script&gt;/, 'the raw HTML is shown as text');
  });

  it('survives malformed and unknown messages to its page, then still works', async () => {
    const before = (await panelState())!;
    const garbage: unknown[] = [
      undefined, null, 42, 'toggleKind', [], {}, { action: 'unknown' }, { action: 'toggleKind' }, { action: 'toggleKind', kind: 'evil' },
      { action: 'clickSentence', sentence: 'x' }, { action: 'clickSentence', sentence: 1e12 }, { action: 'addNote', sentence: -1 },
      { action: 'scrollToLine', line: Number.MAX_SAFE_INTEGER }, { action: 'clickLink' }, { action: 'clickLink', href: 7 },
      { action: 'toggleKind', kind: { toString: 'weakness' } }, { action: '__proto__' },
    ];
    for (const m of garbage) await act(m);
    await act({ action: 'toggleKind', kind: 'weakness' });
    const after = await eventually(async () => {
      const x = await panelState();
      return x?.report?.hiddenKinds.includes('weakness') ? x : undefined;
    }, 'the page still answers a valid action');
    assert.equal(after.report!.serial, before.report!.serial, 'nothing re-rendered the page');
    await act({ action: 'toggleKind', kind: 'weakness' });
  });

  it('opens nothing outside the workspace through a link message', async () => {
    for (const href of [
      'command:workbench.action.quit', 'command:_workbench.downloadResource', 'file:///etc/passwd', '../../../../etc/passwd',
      '..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e/%2e%2e/etc/passwd', '\\\\server\\share\\x.md', '//evil.example/x.md',
      'vscode://file/etc/passwd', 'vscode-resource:/etc/passwd', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,x',
    ]) {
      await act({ action: 'clickLink', href });
      const decision = await eventually(async () => {
        const x = await panelState();
        return x?.lastLink?.href === href ? x.lastLink.decision : undefined;
      }, `the decision on ${href}`);
      assert.equal(decision.action, 'refused', `${href}: ${JSON.stringify(decision)}`);
    }
    const open = vscode.workspace.textDocuments.map((d) => d.uri.path);
    assert.ok(!open.some((p) => p.endsWith('/etc/passwd')), open.join(', '));
  });
});
