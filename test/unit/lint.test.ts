import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/cli';
import { indexDocument } from '../../src/core/indexer';
import { isBlankBody, isKnownNoteKind, lintDocument, type LintIssue } from '../../src/core/lint';

const fixtures = path.join(__dirname, '..', 'fixtures');

function lint(text: string): LintIssue[] {
  return lintDocument(text, indexDocument(text, { fileName: 'notes.md' }));
}

function brief(issues: readonly LintIssue[]): string[] {
  return issues.map((i) => `${i.line} ${i.rule}`);
}

function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = runCli(args, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

/** Two papers with a weakness each: no issue at all. */
const CLEAN = `# Reading notes

## Deep Residual Learning

The paper adds identity shortcuts to very deep networks.

### Weaknesses

- There is little theory behind the shortcuts.

## Batch Normalization

Normalising activations per mini-batch speeds up training.

> [!weakness] Small batches
> The statistics are noisy when batches are small.
> > Normalising activations per mini-batch speeds up training.
`;

describe('lint (core)', () => {
  it('finds nothing in a file whose papers all carry critique', () => {
    assert.deepEqual(lint(CLEAN), []);
  });

  it('reports a paper with no critique at its title line', () => {
    const text = CLEAN.replace('### Weaknesses\n\n- There is little theory behind the shortcuts.\n\n', '');
    const issues = lint(text);
    assert.deepEqual(brief(issues), ['3 no-critique']);
    assert.equal(issues[0].paper, 0);
    assert.match(issues[0].message, /"Deep Residual Learning" has no critique/);
  });

  it('reports template sections with no body, ignoring comments and bare markers', () => {
    const text = `# Residual Networks

## Summary

<!-- one paragraph -->

## Strengths

-${' '}

## Weaknesses

- The comparison with highway networks is thin.

## Questions

`;
    const issues = lint(text);
    assert.deepEqual(brief(issues), ['3 empty-section', '7 empty-section']);
    assert.match(issues[0].message, /"Summary" section of "Residual Networks" is empty/);
    assert.match(issues[1].message, /"Strengths" section/);
  });

  it('does not call a section with a filled subsection empty', () => {
    const text = `# Residual Networks

## Weaknesses

### Theory

- Nothing explains why the shortcuts help optimisation.
`;
    assert.deepEqual(lint(text), []);
  });

  it('reports unknown note kinds, not kinds, plurals or GitHub alerts', () => {
    const text = `# Residual Networks

> [!todo] Read the appendix

> [!Weaknesses] Thin comparison

> [!WARNING]
> Results use test-time augmentation.

> [!note] Follow-up paper

> [!custom]- Reading group
`;
    const issues = lint(text);
    assert.deepEqual(brief(issues), ['3 unknown-note-kind', '12 unknown-note-kind']);
    assert.match(issues[0].message, /"\[!todo\]" is read as a note/);
    assert.match(issues[1].message, /"\[!custom\]"/);
  });

  it('reports a note quoting a sentence that is gone, at the quote line', () => {
    const edited = CLEAN.replace('Normalising activations per mini-batch speeds up training.\n\n>', 'Each layer sees inputs with a stable distribution.\n\n>');
    const issues = lint(edited);
    assert.deepEqual(brief(issues), ['17 stale-quote']);
    assert.equal(issues[0].paper, 1);
    assert.match(issues[0].message, /not in the paper: "Normalising activations per mini-batch speeds up training\."/);
  });

  it('matches quotes as the indexer does: emphasis, case and spacing do not matter', () => {
    const text = CLEAN.replace('> > Normalising activations per mini-batch speeds up training.', '> > normalising   *activations* per\n> > mini-batch speeds up training');
    const index = indexDocument(text);
    const quoted = index.sentences.find((s) => s.text.startsWith('Normalising activations'));
    assert.equal(quoted?.source, 'note', 'the indexer gives the quoted sentence the note kind');
    assert.deepEqual(lintDocument(text, index), []);
  });

  it('looks for the quote in the note\'s own paper only', () => {
    const text = CLEAN.replace('> > Normalising activations per mini-batch speeds up training.', '> > The paper adds identity shortcuts to very deep networks.');
    assert.deepEqual(brief(lint(text)), ['17 stale-quote']);
  });

  it('isBlankBody and isKnownNoteKind', () => {
    assert.equal(isBlankBody('\n\n- \n* [ ]\n> \n<!-- later\n-->\n'), true);
    assert.equal(isBlankBody('\n- a\n'), false);
    assert.equal(isBlankBody('\n### Minor\n'), false);
    for (const kind of ['strength', 'Weakness', 'questions', 'IDEA', 'note', 'TIP', 'caution', 'important', 'faq']) assert.equal(isKnownNoteKind(kind), true, kind);
    for (const kind of ['todo', 'custom', 'info', 'summary']) assert.equal(isKnownNoteKind(kind), false, kind);
  });

  it('finds the custom callout of the structured-notes fixture and nothing else', () => {
    const text = fs.readFileSync(path.join(fixtures, 'structured-notes.md'), 'utf8');
    const issues = lint(text);
    assert.deepEqual(issues.map((i) => i.rule), ['unknown-note-kind']);
    assert.match(text.split('\n')[issues[0].line - 1], /^> \[!custom\]/);
  });
});

describe('paper-study lint', () => {
  let tmp: string;
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-lint-')); });
  afterEach(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

  it('exits 0 and says so when there is nothing to report', () => {
    const file = path.join(tmp, 'clean.md');
    fs.writeFileSync(file, CLEAN);
    const r = cli('lint', file);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'No issues in 1 file.\n');
  });

  it('prints file:line: message [rule] and exits 1 when issues are found', () => {
    fs.mkdirSync(path.join(tmp, 'vault'));
    fs.writeFileSync(path.join(tmp, 'vault', 'a.md'), CLEAN);
    fs.writeFileSync(path.join(tmp, 'vault', 'b.md'), '# Wide Residual Networks\n\n## Strengths\n\n## Weaknesses\n\n> [!todo] Read it\n');
    const r = cli('lint', path.join(tmp, 'vault'));
    assert.equal(r.code, 1);
    const b = path.join(tmp, 'vault', 'b.md');
    assert.deepEqual(r.out.trimEnd().split('\n'), [
      `${b}:3: the "Strengths" section of "Wide Residual Networks" is empty [empty-section]`,
      `${b}:7: unknown note kind "[!todo]" is read as a note; use strength, weakness, question, idea, note (or a GitHub alert) [unknown-note-kind]`,
      '2 issues in 2 files',
    ]);
  });

  it('--json prints the issues with their paper titles', () => {
    const file = path.join(tmp, 'stale.md');
    fs.writeFileSync(file, CLEAN.replace('> > Normalising', '> > Whitening'));
    const r = cli('lint', '--json', file);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['issues']);
    assert.equal(json.issues.length, 1);
    assert.deepEqual(Object.keys(json.issues[0]), ['file', 'line', 'rule', 'message', 'paper']);
    assert.deepEqual({ ...json.issues[0], message: undefined }, { file, line: 17, rule: 'stale-quote', message: undefined, paper: 'Batch Normalization' });
  });

  it('exits 2 on usage errors and 1 on unreadable inputs', () => {
    assert.equal(cli('lint').code, 2);
    assert.equal(cli('lint', '--bogus', tmp).code, 2);
    assert.equal(cli('lint', '--max-size', '0', tmp).code, 2);
    const missing = cli('lint', path.join(tmp, 'missing.md'));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /missing\.md: no such file or folder/);
  });

  it('is listed in the main help and has its own', () => {
    assert.match(cli('--help').out, /paper-study lint/);
    const help = cli('lint', '--help');
    assert.equal(help.code, 0);
    for (const rule of ['no-critique', 'empty-section', 'unknown-note-kind', 'stale-quote']) assert.match(help.out, new RegExp(rule));
  });
});
