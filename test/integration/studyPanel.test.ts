// The study panel in a real host: it renders the sample's paper with a mark per critique sentence,
// its page reports what it shows (measured in the DOM), the legend's toggles hide kinds, clicks
// select sentences in the editor and add notes, edits arrive as updates (no reload) at the same
// scroll position, a saved state revives it, only safe links open, and the page is locked down.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { countsOf } from '../../src/core/indexer';
import { isHighlighted } from '../../src/core/markdownPlugin';
import { CRITIQUE_KINDS, emptyCounts, type CritiqueCounts, type CritiqueKind, type DocumentIndex } from '../../src/core/model';
import type { PersistedState, SimulatedAction, StudyTarget } from '../../src/shared/messages';
import type { StudyPanelSnapshot } from '../../src/vscode/studyPanel/studyPanel';
import { activate, coreIndex, deleteIfExists, eventually, openSample, readText, workspaceUri } from './paperStudyTestkit';
import { canTakeScreenshots, takeScreenshot } from './screenshot';

type Settled = StudyPanelSnapshot & { rendered: NonNullable<StudyPanelSnapshot['rendered']>; report: NonNullable<StudyPanelSnapshot['report']> };

function panelState(): Thenable<StudyPanelSnapshot | undefined> {
  return vscode.commands.executeCommand<StudyPanelSnapshot | undefined>('paperStudy._test.getStudyPanelState');
}

/** Waits until the page reported the panel's latest rendering and `ready` holds. */
function settled(what: string, ready: (s: Settled) => boolean = () => true): Promise<Settled> {
  return eventually(async () => {
    const s = await panelState();
    if (!s?.rendered || !s.report || s.report.serial !== s.rendered.serial) return undefined;
    return ready(s as Settled) ? s as Settled : undefined;
  }, what, 15000);
}

function act(action: SimulatedAction): Thenable<boolean> {
  return vscode.commands.executeCommand<boolean>('paperStudy._test.studyPanelAction', action);
}

async function closeEditorsOf(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

async function closeStudyPanels(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('paperStudy.studyPanel'));
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/** Highlighted sentences of `paper` (all papers when undefined): ids by kind. */
function expectedMarks(index: DocumentIndex, paper?: number): Record<CritiqueKind, number[]> {
  const ids: Record<CritiqueKind, number[]> = { strength: [], weakness: [], question: [], idea: [], note: [] };
  index.sentences.forEach((s, i) => {
    if ((paper === undefined || s.paper === paper) && isHighlighted(s) && s.kind !== 'neutral') ids[s.kind].push(i);
  });
  return ids;
}

/** Distinct `data-sentence` ids of the rendered marks, by kind. */
function markIds(html: string): Record<CritiqueKind, number[]> {
  const ids: Record<CritiqueKind, Set<number>> = { strength: new Set(), weakness: new Set(), question: new Set(), idea: new Set(), note: new Set() };
  for (const m of html.matchAll(/<mark [^>]*>/g)) {
    const kind = /data-kind="(\w+)"/.exec(m[0])?.[1] as CritiqueKind;
    const id = /data-sentence="(\d+)"/.exec(m[0])?.[1];
    assert.ok(kind && id !== undefined, `every mark has a kind and a sentence id: ${m[0]}`);
    ids[kind].add(Number(id));
  }
  return Object.fromEntries(CRITIQUE_KINDS.map((k) => [k, [...ids[k]].sort((a, b) => a - b)])) as Record<CritiqueKind, number[]>;
}

/** Counts of every paper of a file together. */
function fileCounts(index: DocumentIndex): CritiqueCounts {
  const total = emptyCounts();
  index.papers.forEach((_p, i) => CRITIQUE_KINDS.forEach((k) => { total[k] += countsOf(index, i)[k]; }));
  return total;
}

const lengths = (ids: Record<CritiqueKind, number[]>): CritiqueCounts => {
  const counts = emptyCounts();
  for (const k of CRITIQUE_KINDS) counts[k] = ids[k].length;
  return counts;
};

describe('Study panel', function () {
  this.timeout(60000);
  before(activate);
  afterEach(closeStudyPanels);

  it('renders the sample\'s paper with a mark per critique sentence and the legend\'s counts', async () => {
    const { document, original } = await openSample();
    const index = coreIndex(original);
    const target = await vscode.commands.executeCommand<StudyTarget>('paperStudy.openStudyPanel', { uri: document.uri.toString(), paper: 0 });
    assert.deepEqual(target.paper, { index: 0, title: index.papers[0].title });
    const s = await settled('the panel shows the first paper');
    const expected = expectedMarks(index, 0);
    assert.ok(expected.strength.length > 0 && expected.weakness.length > 0, 'the sample\'s first paper has strengths and weaknesses');
    assert.deepEqual(markIds(s.rendered.html), expected, 'one mark per highlighted sentence, with its id');
    assert.deepEqual(s.report.marks, lengths(expected), 'the page shows them');
    assert.deepEqual(s.report.visibleMarks, lengths(expected), 'each paints a highlight');
    assert.deepEqual(s.report.legend, countsOf(index, 0));
    assert.equal(s.panelTitle, `Study: ${index.papers[0].title}`);
    const elsewhere = index.sentences.find((x) => x.paper === 1)!.text.slice(0, 40);
    assert.ok(!s.rendered.html.includes(elsewhere), 'only the first paper is rendered');
    assert.equal(s.rendered.lineOffset, index.papers[0].line - 1);
  });

  it('studies the paper at the cursor from the command palette, or the whole file', async () => {
    const { editor, document, original } = await openSample();
    const index = coreIndex(original);
    const inBert = index.sentences.find((s) => s.paper === 1)!;
    editor.selection = new vscode.Selection(document.positionAt(inBert.start), document.positionAt(inBert.start));
    const target = await vscode.commands.executeCommand<StudyTarget>('paperStudy.openStudyPanel');
    assert.equal(target.paper?.title, index.papers[1].title);
    const s = await settled('the panel shows the second paper', (x) => x.rendered.title === index.papers[1].title);
    assert.deepEqual(markIds(s.rendered.html), expectedMarks(index, 1));

    await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn });
    vscode.window.activeTextEditor!.selection = new vscode.Selection(0, 0, 0, 0); // the title, outside every paper
    const whole = await vscode.commands.executeCommand<StudyTarget>('paperStudy.openStudyPanel');
    assert.equal(whole.paper, undefined);
    const w = await settled('the panel shows the whole file', (x) => x.rendered.target.paper === undefined);
    assert.deepEqual(markIds(w.rendered.html), expectedMarks(index));
    assert.deepEqual(w.report.legend, fileCounts(index));
  });

  it('hides a kind when its legend toggle is clicked, and shows it again', async () => {
    const { document, original } = await openSample();
    const expected = lengths(expectedMarks(coreIndex(original), 0));
    await vscode.commands.executeCommand('paperStudy.openStudyPanel', { uri: document.uri.toString(), paper: 0 });
    await settled('the panel is shown');
    assert.equal(await act({ action: 'toggleKind', kind: 'weakness' }), true);
    const hidden = await settled('weaknesses hidden', (s) => s.report.hiddenKinds.includes('weakness'));
    assert.equal(hidden.report.visibleMarks.weakness, 0, 'no weakness is highlighted');
    assert.equal(hidden.report.marks.weakness, expected.weakness, 'the sentences are still there');
    assert.equal(hidden.report.visibleMarks.strength, expected.strength, 'strengths still are');
    await act({ action: 'toggleKind', kind: 'weakness' });
    const shown = await settled('weaknesses shown', (s) => !s.report.hiddenKinds.includes('weakness'));
    assert.deepEqual(shown.report.visibleMarks, expected);
  });

  it('selects the clicked sentence in the editor, and the double-clicked block\'s line', async () => {
    const { document, original } = await openSample();
    const index = coreIndex(original);
    const id = expectedMarks(index, 0).weakness[2];
    const sentence = index.sentences[id];
    await vscode.commands.executeCommand('paperStudy.openStudyPanel', { uri: document.uri.toString(), paper: 0 });
    const before = await settled('the panel is shown');
    await act({ action: 'clickSentence', sentence: id });
    const editor = await eventually(async () => vscode.window.visibleTextEditors.find((e) =>
      e.document === document && document.offsetAt(e.selection.start) === sentence.start && document.offsetAt(e.selection.end) === sentence.end), 'the sentence selected');
    assert.notEqual(editor.viewColumn, before.viewColumn, 'in an editor beside the panel, not over it');

    const line = index.sentences.find((x) => x.paper === 0)!.line; // the first paragraph
    await act({ action: 'doubleClickLine', line });
    await eventually(async () => vscode.window.visibleTextEditors.find((e) =>
      e.document === document && e.selection.start.line === line - 1 && e.selection.end.isEqual(document.lineAt(line - 1).range.end)) , 'the line selected');
  });

  it('adds a note quoting a sentence through the insert command, and shows it live', async () => {
    const { document, original, restore } = await openSample();
    try {
      const index = coreIndex(original);
      const id = expectedMarks(index, 0).strength[0];
      const sentence = index.sentences[id];
      await vscode.commands.executeCommand('paperStudy.openStudyPanel', { uri: document.uri.toString(), paper: 0 });
      const before = await settled('the panel is shown');
      await act({ action: 'addNote', sentence: id });
      const note = await eventually(async () => coreIndex(document.getText()).notes.find((n) => n.quote !== undefined), 'a note in the document');
      assert.equal(note.kind, 'strength', 'a note of the sentence\'s kind');
      assert.equal(note.quote?.replace(/\s+/g, ' '), sentence.text.replace(/\s+/g, ' '));
      assert.equal(note.paper, 0);
      const after = await settled('the panel shows the note', (s) => s.report.callouts.strength === 1);
      assert.equal(after.report.legend.strength, countsOf(coreIndex(document.getText()), 0).strength);
      assert.equal(after.pageLoads, before.pageLoads, 'updated in place, not reloaded');
    } finally {
      await restore();
    }
  });

  it('follows edits with updates in place and keeps its scroll position', async () => {
    const uri = workspaceUri('study-long.md');
    const sample = await readText(workspaceUri('paper-summaries.md'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode([sample, sample.replace(/^### /gm, '### Again: '), sample.replace(/^### /gm, '### Third: ')].join('\n')));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('paperStudy.openStudyPanel', { uri: uri.toString() });
      const first = await settled('the long file is shown');
      const middle = Math.floor(document.lineCount / 2);
      await act({ action: 'scrollToLine', line: middle });
      const scrolled = await settled('scrolled', (s) => s.report.topLine !== undefined && s.report.topLine > 1);
      const top = scrolled.report.topLine!;
      assert.ok(Math.abs(top - middle) <= 2, `scrolled near line ${middle} (top ${top})`);

      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, document.lineAt(document.lineCount - 1).range.end, '\n\nA major weakness is that the evaluation is far too small.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = await settled('the edit is shown', (s) => s.rendered.serial > scrolled.rendered.serial && s.report.legend.weakness > first.report.legend.weakness);
      assert.equal(after.report.topLine, top, 'same place on the page');
      assert.equal(after.pageLoads, first.pageLoads, 'no reload');
      assert.deepEqual(after.report.legend, fileCounts(coreIndex(document.getText(), 'study-long.md')));
    } finally {
      await closeStudyPanels();
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open?.isDirty) await open.save();
      await closeEditorsOf(uri);
      await deleteIfExists(uri);
    }
  });

  it('catches up after being hidden: the reloaded page gets the latest view and keeps its toggles', async () => {
    const { editor, document, restore } = await openSample();
    try {
      await vscode.commands.executeCommand('paperStudy.openStudyPanel', { uri: document.uri.toString(), paper: 0 });
      const shown = await settled('the panel is shown');
      await act({ action: 'toggleKind', kind: 'strength' });
      await settled('strengths hidden', (s) => s.report.hiddenKinds.includes('strength'));
      // Another editor in the panel's group hides it (its page is dropped).
      const cover = await vscode.window.showTextDocument(document, { viewColumn: shown.viewColumn, preview: false });
      await eventually(async () => (await panelState())?.visible === false || undefined, 'the panel hidden');
      const index = coreIndex(document.getText());
      await editor.edit((b) => b.insert(document.positionAt(index.papers[0].end), '\n> [!idea] Sparse attention\n'));
      await vscode.commands.executeCommand('paperStudy.openStudyPanel', { uri: document.uri.toString(), paper: 0 });
      const back = await settled('the page caught up', (s) => s.visible && s.pageLoads > shown.pageLoads && s.report.callouts.idea === 1);
      assert.deepEqual(back.report.hiddenKinds, ['strength'], 'the toggles are remembered (setState)');
      assert.equal(back.report.visibleMarks.strength, 0);
      const coverTab = vscode.window.tabGroups.all.find((g) => g.viewColumn === cover.viewColumn)?.tabs
        .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === document.uri.toString());
      if (coverTab) await vscode.window.tabGroups.close(coverTab);
    } finally {
      await restore();
    }
  });

  it('revives from the state its page saved (as after a window reload), and refuses a bad state', async () => {
    const { document, original } = await openSample();
    const index = coreIndex(original);
    const state: PersistedState = { target: { uri: document.uri.toString(), paper: { index: 1, title: index.papers[1].title } }, hiddenKinds: ['weakness'] };
    assert.equal(await vscode.commands.executeCommand('paperStudy._test.reviveStudyPanel', state), true);
    const s = await settled('the revived panel', (x) => x.rendered.title === index.papers[1].title);
    assert.deepEqual(s.report.hiddenKinds, ['weakness']);
    assert.equal(s.report.visibleMarks.weakness, 0);
    assert.equal(s.report.visibleMarks.strength, lengths(expectedMarks(index, 1)).strength);
    assert.equal(await vscode.commands.executeCommand('paperStudy._test.reviveStudyPanel', { target: { uri: 42 } }), false);
  });

  it('opens relative links to workspace files only, and refuses other schemes', async () => {
    const uri = workspaceUri('study-links.md');
    const text = '# Links\n\nSee [the sample](paper-summaries.md), [outside](../outside.md) and [a command](command:workbench.action.quit).\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await vscode.commands.executeCommand('paperStudy.openStudyPanel', { uri: uri.toString() });
      const s = await settled('the links file is shown');
      assert.ok(!s.rendered.html.includes('href="command:'), 'markdown-it drops the command link');
      assert.equal((s.rendered.html.match(/<a /g) ?? []).length, 2);
      const link = async (href: string) => {
        await act({ action: 'clickLink', href });
        return eventually(async () => {
          const x = await panelState();
          return x?.lastLink?.href === href ? x.lastLink.decision : undefined;
        }, `the decision on ${href}`);
      };
      assert.equal((await link('paper-summaries.md')).action, 'workspace');
      await eventually(async () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/paper-summaries.md') || undefined, 'the sample opened');
      assert.equal((await link('../outside.md')).action, 'refused');
      assert.equal((await link('command:workbench.action.quit')).action, 'refused');
      assert.equal((await link('javascript:alert(1)')).action, 'refused');
      assert.equal((await link('vscode://file/etc/passwd')).action, 'refused');
    } finally {
      await closeStudyPanels();
      await closeEditorsOf(uri);
      await deleteIfExists(uri);
    }
  });

  it('locks the page down: CSP, one script with a fresh nonce, data in an attribute, narrow resource roots', async () => {
    const { document } = await openSample();
    await vscode.commands.executeCommand('paperStudy.openStudyPanel', { uri: document.uri.toString(), paper: 0 });
    const s = await settled('the panel is shown');
    const html = s.page.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, '\'');
    assert.ok(csp, 'a CSP meta tag');
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-[0-9a-f]{32}'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1, 'one script');
    assert.match(scripts[0][1], /nonce="[0-9a-f]{32}" src="[^"]+dist\/webview\.js"/);
    assert.equal(scripts[0][2].trim(), '', 'no inline code');
    const initial = /data-initial="([^"]*)"/.exec(html)?.[1];
    assert.ok(initial && !initial.includes('<'), 'the initial data is escaped');
    assert.equal(s.page.enableScripts, true);
    assert.equal(s.page.enableCommandUris, false);
    const ext = vscode.extensions.getExtension('paper-study.paper-study')!.extensionUri;
    assert.deepEqual(s.page.localResourceRoots, [vscode.Uri.joinPath(ext, 'media').toString(), vscode.Uri.joinPath(ext, 'dist').toString()]);

    const state: PersistedState = { target: s.target, hiddenKinds: [] };
    await vscode.commands.executeCommand('paperStudy._test.reviveStudyPanel', state);
    const again = await settled('a new page');
    const nonce = (h: string) => /nonce-([0-9a-f]{32})/.exec(h)?.[1];
    assert.notEqual(nonce(again.page.html), nonce(html), 'every page gets its own nonce');
  });

  it('looks right in light, dark and high-contrast themes (screenshots)', async function () {
    if (!canTakeScreenshots()) this.skip();
    const workbench = vscode.workspace.getConfiguration('workbench');
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllGroups');
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      const { editor, document } = await openSample();
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      const themes = [
        ['Default Light Modern', 'study-panel-light', 'vscode-light'],
        ['Default Dark Modern', 'study-panel-dark', 'vscode-dark'],
        ['Default High Contrast', 'study-panel-high-contrast', 'vscode-high-contrast'],
      ];
      for (const [theme, name, bodyClass] of themes) {
        await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand('paperStudy.openStudyPanel', { uri: document.uri.toString(), paper: 0 });
        await settled(`the ${theme} theme in the page`, (s) => s.report.theme.split(' ').includes(bodyClass));
        const png = await takeScreenshot(name, 'iframe.webview.ready');
        assert.ok(fs.statSync(png).size > 10000);
      }
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
