// The note and paper commands in a real editor: each edit is exactly the core's edit, lands as one
// undo step, leaves the title placeholder selected, quotes the selection, and asks for a paper when
// the cursor is outside one.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { noteForSelection, noteInsertionEdit } from '../../src/core/noteInsertion';
import { applyTextEdit } from '../../src/core/textEdit';
import { activate, coreIndex, openSample, setPrompts } from './paperStudyTestkit';

function place(editor: vscode.TextEditor, start: number, end = start): void {
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
}

describe('Note commands', () => {
  before(activate);
  afterEach(() => setPrompts(undefined));

  it('inserts a weakness note at the cursor exactly as the core computes it, in one undo step', async () => {
    const { editor, document, original, restore } = await openSample();
    try {
      const index = coreIndex(original);
      const cursor = index.sentences.find((s) => s.paper === 0)!.start + 3;
      place(editor, cursor);
      const spec = { kind: 'weakness', title: 'Too costly', body: 'Quadratic in the sequence length.' };
      assert.equal(await vscode.commands.executeCommand('paperStudy.insertWeakness', { title: spec.title, body: spec.body }), true);
      const expected = applyTextEdit(original, noteInsertionEdit(original, { offset: cursor }, spec));
      assert.equal(document.getText(), expected);
      assert.equal(document.getText(vscode.window.activeTextEditor!.selection), spec.title, 'the title placeholder is selected');
      const note = coreIndex(document.getText()).notes.find((n) => n.title === spec.title);
      assert.ok(note && note.kind === 'weakness' && note.paper === 0, 'the core reads it back as a weakness of the first paper');

      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), original, 'one undo restores the document');
    } finally {
      await restore();
    }
  });

  it('quotes the selected sentence', async () => {
    const { editor, document, original, restore } = await openSample();
    try {
      const index = coreIndex(original);
      const sentence = index.sentences.find((s) => s.paper === 1 && s.blockType === 'paragraph' && s.kind === 'neutral')!;
      place(editor, sentence.start, sentence.end);
      const selected = original.slice(sentence.start, sentence.end);
      assert.equal(await vscode.commands.executeCommand('paperStudy.insertStrength', { title: 'Simple', body: 'One idea, well executed.' }), true);
      const spec = { ...noteForSelection(selected, 'strength'), title: 'Simple', body: 'One idea, well executed.' };
      assert.equal(document.getText(), applyTextEdit(original, noteInsertionEdit(original, { offset: sentence.end }, spec)));
      const note = coreIndex(document.getText()).notes.find((n) => n.title === 'Simple');
      assert.ok(note, 'the note is there');
      assert.equal(note.kind, 'strength');
      assert.equal(note.quote?.replace(/\s+/g, ' '), sentence.text.replace(/\s+/g, ' '));
    } finally {
      await restore();
    }
  });

  it('asks for the paper when the cursor is outside every paper, and appends the note to it', async () => {
    const { editor, document, original, restore } = await openSample();
    try {
      const index = coreIndex(original);
      assert.ok(index.papers[0].start > 0, 'the sample starts with a title outside the papers');
      place(editor, 0);
      const bert = index.papers[1];
      await setPrompts({ picks: [`${document.uri.toString()}#1`] });
      assert.equal(await vscode.commands.executeCommand('paperStudy.insertQuestion', { title: 'Why 15%?', body: 'The masking rate is not justified.' }), true);
      const asked = await setPrompts(undefined);
      assert.deepEqual(asked.map((a) => a.kind), ['picks']);
      const spec = { kind: 'question', title: 'Why 15%?', body: 'The masking rate is not justified.' };
      assert.equal(document.getText(), applyTextEdit(original, noteInsertionEdit(original, { paperEnd: { start: bert.start, end: bert.end } }, spec)));
      const note = coreIndex(document.getText()).notes.find((n) => n.title === 'Why 15%?');
      assert.equal(note?.paper, 1);
    } finally {
      await restore();
    }
  });

  it('inserts a note with title and body placeholders by default', async () => {
    const { editor, document, original, restore } = await openSample();
    try {
      const index = coreIndex(original);
      place(editor, index.sentences.find((s) => s.paper === 2)!.start);
      assert.equal(await vscode.commands.executeCommand('paperStudy.insertIdea'), true);
      const after = coreIndex(document.getText());
      assert.equal(after.notes.length, index.notes.length + 1);
      const note = after.notes.find((n) => !index.notes.some((m) => m.start === n.start));
      assert.ok(note && note.kind === 'idea' && note.paper === 2);
      assert.ok(note.title.length > 0 && note.body.length > 0, 'title and body hold placeholder text');
      assert.equal(document.getText(vscode.window.activeTextEditor!.selection), note.title, 'the title placeholder is selected');
    } finally {
      await restore();
    }
  });

  it('adds a paper skeleton at the level of the file\'s papers', async () => {
    const { document, original, restore } = await openSample();
    try {
      const index = coreIndex(original);
      const inThird = index.papers[2].start + 1;
      assert.equal(await vscode.commands.executeCommand('paperStudy.newPaper', { uri: document.uri.toString(), offset: inThird }), true);
      const after = coreIndex(document.getText());
      assert.equal(after.papers.length, 4);
      const added = after.papers[3];
      assert.equal(added.heading?.level, index.papers[0].heading?.level);
      assert.deepEqual(added.sections.map((s) => s.role), ['summary', 'strength', 'weakness']);
      assert.ok(document.getText().startsWith(original), 'the earlier text is untouched');
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), original);
    } finally {
      await restore();
    }
  });
});
