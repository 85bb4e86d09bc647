import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/cli';
import { exportDocument } from '../../src/core/export/index';

const fixtures = path.join(__dirname, '..', 'fixtures');
const sample = path.join(fixtures, 'paper-summaries.md');

function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = runCli(args, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

describe('cli', () => {
  let tmp: string;
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-cli-')); });
  afterEach(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

  it('papers --json prints the stable contract', () => {
    const r = cli('papers', '--json', sample);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['papers']);
    assert.equal(json.papers.length, 3);
    const first = json.papers[0];
    assert.deepEqual(Object.keys(first), ['file', 'title', 'line', 'counts']);
    assert.equal(first.file, sample);
    assert.equal(first.title, 'Attention Is All You Need');
    assert.equal(first.line, 4);
    assert.deepEqual(Object.keys(first.counts), ['strength', 'weakness', 'question', 'idea', 'note']);
    assert.ok(first.counts.weakness >= 6, `weaknesses: ${first.counts.weakness}`);
    assert.ok(fs.existsSync(first.file), 'file opens from the working directory');
  });

  it('walks folders for *.md, skipping node_modules, .git and symlinked folders', () => {
    fs.mkdirSync(path.join(tmp, 'vault', 'sub'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'vault', 'node_modules'));
    fs.mkdirSync(path.join(tmp, 'vault', '.git'));
    fs.copyFileSync(sample, path.join(tmp, 'vault', 'sub', 'a.md'));
    fs.copyFileSync(sample, path.join(tmp, 'vault', 'node_modules', 'b.md'));
    fs.copyFileSync(sample, path.join(tmp, 'vault', '.git', 'c.md'));
    fs.writeFileSync(path.join(tmp, 'vault', 'notes.txt'), '# Not markdown');
    fs.symlinkSync(path.join(tmp, 'vault'), path.join(tmp, 'vault', 'sub', 'loop'));
    const r = cli('papers', '--json', path.join(tmp, 'vault'));
    assert.equal(r.code, 0, r.err);
    const files = new Set(JSON.parse(r.out).papers.map((p: { file: string }) => p.file));
    assert.deepEqual([...files], [path.join(tmp, 'vault', 'sub', 'a.md')]);
  });

  it('critique --json lists every sentence, neutral ones included', () => {
    const r = cli('critique', '--json', sample);
    assert.equal(r.code, 0, r.err);
    const { sentences } = JSON.parse(r.out);
    assert.deepEqual(Object.keys(sentences[0]), ['file', 'paper', 'line', 'text', 'kind', 'source', 'cue']);
    assert.ok(sentences.some((s: { kind: string }) => s.kind === 'neutral'));
    const first = sentences.find((s: { text: string }) => s.text.startsWith('First of all'));
    assert.equal(first.kind, 'weakness');
    assert.equal(first.paper, 'Attention Is All You Need');
    assert.equal(first.line, 7);
    assert.equal(first.source, 'prose');
  });

  it('reports a missing path, a binary and a non-UTF-8 file, and still processes the rest', () => {
    fs.writeFileSync(path.join(tmp, 'bin.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(tmp, 'latin1.md'), Buffer.from('# Caf\xe9 Paper Title\n\nText.\n', 'latin1'));
    const r = cli('papers', '--json', path.join(tmp, 'missing.md'), path.join(tmp, 'bin.md'), path.join(tmp, 'latin1.md'), sample);
    assert.equal(r.code, 1);
    assert.match(r.err, /missing\.md: no such file or folder/);
    assert.match(r.err, /bin\.md: binary file/);
    assert.match(r.err, /latin1\.md: not valid UTF-8/);
    assert.equal(r.err.trim().split('\n').length, 3, 'one line per problem');
    assert.equal(JSON.parse(r.out).papers.length, 3);
  });

  it('skips files over the size limit with a message', () => {
    const big = path.join(tmp, 'big.md');
    fs.writeFileSync(big, '# Big Paper Title\n\n' + 'Text. '.repeat(400_000));
    const r = cli('papers', '--max-size', '1', big);
    assert.equal(r.code, 1);
    assert.match(r.err, /big\.md: skipped: 2\.\d MB is over the size limit of 1\.0 MB/);
  });

  it('export writes the same text as the core export and refuses to overwrite', () => {
    const out = path.join(tmp, 'out.md');
    const r = cli('export', '--format', 'obsidian', '--out', out, sample);
    assert.equal(r.code, 0, r.err);
    const text = fs.readFileSync(sample, 'utf8');
    const expected = exportDocument(text, { format: 'obsidian', fileName: path.relative(tmp, sample).split(path.sep).join('/') });
    assert.equal(fs.readFileSync(out, 'utf8'), expected);
    const again = cli('export', '--format', 'obsidian', '--out', out, sample);
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists/);
    assert.equal(cli('export', '--format', 'html', '--out', out, '--force', sample).code, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /^<!doctype html>/i);
  });

  it('exports one paper with --paper and rejects bad usage with exit 2', () => {
    const r = cli('export', '--format', 'plain', '--paper', '2', sample);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /BERT/);
    assert.doesNotMatch(r.out, /Unsolved Problems/);
    assert.equal(cli('export', '--format', 'pdf', sample).code, 2);
    assert.equal(cli('export', '--paper', '9', sample).code, 2);
    assert.equal(cli('frobnicate').code, 2);
    assert.equal(cli('papers').code, 2);
  });

  it('prints help for each command', () => {
    for (const c of ['papers', 'critique', 'export']) {
      const r = cli(c, '--help');
      assert.equal(r.code, 0);
      assert.match(r.out, new RegExp(`Usage: paper-study ${c}`));
    }
    assert.match(cli('--help').out, /paper-study papers/);
  });
});
