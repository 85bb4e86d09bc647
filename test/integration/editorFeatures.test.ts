// Critique features of the Markdown editor in a real host: highlights on exactly the core's
// critique sentences (following edits, the toggle command and the size limit), CodeLens on each
// paper's title line, hover with trusted note links, and note-kind completion after `> [!`.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { countsOf } from '../../src/core/indexer';
import { isHighlighted } from '../../src/core/markdownPlugin';
import { CRITIQUE_KINDS, type CritiqueKind, type DocumentIndex } from '../../src/core/model';
import type { RangeTuple } from '../../src/vscode/commands/studyTestSeams';
import type { StudyPanelSnapshot } from '../../src/vscode/studyPanel/studyPanel';
import { activate, coreIndex, eventually, openSample } from './paperStudyTestkit';

type Highlights = Record<CritiqueKind, RangeTuple[]>;

function highlights(document: vscode.TextDocument): Thenable<Highlights | undefined> {
  return vscode.commands.executeCommand<Highlights | undefined>('paperStudy._test.getDecorations', document.uri.toString());
}

/** What the editor should highlight: the core's critique sentences outside notes, and note head lines. */
function expectedHighlights(document: vscode.TextDocument, index: DocumentIndex): Highlights {
  const out: Highlights = { strength: [], weakness: [], question: [], idea: [], note: [] };
  const tuple = (start: vscode.Position, end: vscode.Position): RangeTuple => [start.line, start.character, end.line, end.character];
  for (const s of index.sentences) {
    if (isHighlighted(s) && s.kind !== 'neutral') out[s.kind].push(tuple(document.positionAt(s.start), document.positionAt(s.end)));
  }
  for (const n of index.notes) {
    const line = document.lineAt(n.line - 1);
    out[n.kind].push(tuple(line.range.start.translate(0, line.firstNonWhitespaceCharacterIndex), line.range.end));
  }
  return out;
}

const total = (h: Highlights) => CRITIQUE_KINDS.reduce((n, k) => n + h[k].length, 0);

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('paperStudy').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Editor features', function () {
  this.timeout(40000);
  before(activate);

  describe('critique highlights', () => {
    afterEach(async () => {
      await setSetting('decorations.enabled', undefined);
      await setSetting('decorations.maxFileSizeKB', undefined);
    });

    it('highlight exactly the core\'s critique sentences', async () => {
      const { document, original } = await openSample();
      const expected = expectedHighlights(document, coreIndex(original));
      assert.ok(expected.strength.length > 0 && expected.weakness.length > 0);
      assert.deepEqual(await highlights(document), expected);
    });

    it('follow edits', async () => {
      const { editor, document, original, restore } = await openSample();
      try {
        const index = coreIndex(original);
        const end = document.positionAt(index.papers[0].end);
        await editor.edit((b) => b.insert(end, '\n> [!question] Why dot products?\n> Other similarities are not tried.\n'));
        const expected = expectedHighlights(document, coreIndex(document.getText()));
        assert.equal(expected.question.length, 1, 'the new note\'s head line');
        const now = await eventually(async () => {
          const h = await highlights(document);
          return h && h.question.length === 1 ? h : undefined;
        }, 'the highlights to follow the edit');
        assert.deepEqual(now, expected);
      } finally {
        await restore();
      }
    });

    it('are switched off and on by the toggle command, and off above the size limit', async () => {
      const { document, original } = await openSample();
      const expected = expectedHighlights(document, coreIndex(original));
      assert.equal(await vscode.commands.executeCommand('paperStudy.toggleDecorations'), false);
      assert.equal(vscode.workspace.getConfiguration('paperStudy').get('decorations.enabled'), false);
      assert.equal(total((await highlights(document))!), 0, 'off');
      assert.equal(await vscode.commands.executeCommand('paperStudy.toggleDecorations'), true);
      assert.deepEqual(await highlights(document), expected, 'on again');

      assert.ok(document.getText().length > 1024, 'the sample is larger than 1 KB');
      await setSetting('decorations.maxFileSizeKB', 1);
      assert.equal(total((await highlights(document))!), 0, 'off above the limit');
      await setSetting('decorations.maxFileSizeKB', undefined);
      assert.deepEqual(await highlights(document), expected, 'on below it');
    });
  });

  it('shows CodeLens on each paper\'s title line: counts, + Strength, + Weakness, Study', async () => {
    const { document, original } = await openSample();
    const index = coreIndex(original);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const ours = lenses.filter((l) => l.command && (l.command.command === '' || l.command.command.startsWith('paperStudy.')));
    assert.equal(ours.length, index.papers.length * 4);
    for (const [i, paper] of index.papers.entries()) {
      const onLine = ours.filter((l) => l.range.start.line === paper.line - 1);
      assert.equal(onLine.length, 4, `four lenses on the title line of ${paper.title}`);
      const counts = countsOf(index, i);
      const countsTitle = onLine[0].command!.title;
      for (const kind of CRITIQUE_KINDS) {
        if (counts[kind] > 0) assert.match(countsTitle, new RegExp(`\\b${counts[kind]} ${kind}`), `${paper.title}: ${countsTitle}`);
      }
      assert.deepEqual(onLine.slice(1).map((l) => [l.command!.command, l.command!.arguments]), [
        ['paperStudy.insertStrength', [{ uri: document.uri.toString(), paper: i }]],
        ['paperStudy.insertWeakness', [{ uri: document.uri.toString(), paper: i }]],
        ['paperStudy.openStudyPanel', [{ uri: document.uri.toString(), paper: i }]],
      ]);
    }
    // The Study lens opens the paper in the study panel.
    const study = ours.find((l) => l.command!.command === 'paperStudy.openStudyPanel' && l.range.start.line === index.papers[2].line - 1)!;
    await vscode.commands.executeCommand(study.command!.command, ...study.command!.arguments!);
    const state = await vscode.commands.executeCommand<StudyPanelSnapshot>('paperStudy._test.getStudyPanelState');
    assert.equal(state.target.paper?.title, index.papers[2].title);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    await vscode.window.tabGroups.close(tabs);
  });

  it('explains a highlighted sentence on hover, with note links that quote it', async () => {
    const { document, original, restore } = await openSample();
    try {
      const index = coreIndex(original);
      const sentence = index.sentences.find((s) => isHighlighted(s) && s.kind === 'weakness' && s.source === 'prose')!;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(sentence.start + 5));
      const text = hovers.flatMap((h) => h.contents).map((c) => typeof c === 'string' ? c : c.value).find((v) => v.includes('paperStudy.insert'));
      assert.ok(text, 'our hover');
      assert.match(text, /\*\*Weakness\*\*/);
      const read = text.replace(/&nbsp;/g, ' ').replace(/\\([^A-Za-z0-9\s])/g, '$1');
      assert.ok(read.includes(sentence.cue), `the cue: ${sentence.cue}`);
      const links = [...text.matchAll(/\(command:(paperStudy\.insert\w+)\?([^ )]+)/g)];
      assert.deepEqual(links.map((l) => l[1]), CRITIQUE_KINDS.map((k) => `paperStudy.insert${k[0].toUpperCase()}${k.slice(1)}`));
      const args = JSON.parse(decodeURIComponent(links[1][2])) as unknown[];
      assert.deepEqual(args, [{ uri: document.uri.toString(), offset: sentence.end, quote: original.slice(sentence.start, sentence.end) }]);

      // Following the Weakness link adds a weakness note quoting the sentence.
      assert.equal(await vscode.commands.executeCommand(links[1][1], ...args), true);
      const note = coreIndex(document.getText()).notes.find((n) => n.quote);
      assert.equal(note?.kind, 'weakness');
      assert.equal(note?.quote?.replace(/\s+/g, ' '), sentence.text.replace(/\s+/g, ' '));

      const neutral = index.sentences.find((s) => s.kind === 'neutral' && s.paper === 0)!;
      const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(neutral.start + 2));
      assert.ok(!none.flatMap((h) => h.contents).some((c) => (typeof c === 'string' ? c : c.value).includes('paperStudy.insert')), 'no hover on a neutral sentence');
    } finally {
      await restore();
    }
  });

  it('completes note kinds after "> [!"', async () => {
    const { editor, document, restore } = await openSample();
    try {
      const end = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((b) => b.insert(end, '\n\n> [!we'));
      const position = document.lineAt(document.lineCount - 1).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, '!');
      const kinds = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
      assert.deepEqual(kinds.map((i) => i.label), [...CRITIQUE_KINDS]);
      const weakness = kinds.find((i) => i.label === 'weakness')!;
      assert.equal(weakness.insertText, 'weakness] ');
      const range = weakness.range as vscode.Range;
      assert.equal(document.getText(range), 'we', 'replaces what was typed of the kind');

      await editor.edit((b) => b.insert(position, 'x'));
      const plain = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((b) => b.insert(plain, '\nno callout [!'));
      const other = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.lineAt(document.lineCount - 1).range.end, '!');
      assert.ok(!other.items.some((i) => i.kind === vscode.CompletionItemKind.EnumMember), 'not outside a quote');
    } finally {
      await restore();
    }
  });
});
