// The command line on broken vaults, in real temporary folders: symbolic-link loops and symlinked
// folders, unreadable and vanishing files (through the CLI's file-system seam where the test user is
// root and cannot be denied for real), binaries and other encodings, a 50 MB file, 10,000 files.
// Every unusable input gets one line on stderr and the others are still processed (exit 1).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Isolated } from './isolated';

const SUMMARY = '# Paper: A Readable Summary\n\nThis is a weakness of the paper.\n';

interface PapersJson { papers: { file: string; title: string }[] }

describe('robustness: files and folders (CLI)', function () {
  this.timeout(10000);
  const run = new Isolated();
  let tmp: string;
  const at = (...parts: string[]) => path.join(tmp, ...parts);
  const write = (name: string, content: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(at(name)), { recursive: true });
    fs.writeFileSync(at(name), content);
    return at(name);
  };
  const papers = async (...argv: string[]) => {
    const r = await run.run('cli', { argv: ['papers', '--json', ...argv] });
    return { ...r, json: JSON.parse(r.out) as PapersJson };
  };

  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-robust-')); });
  afterEach(async () => {
    await run.reset();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  after(() => run.close());

  it('symbolic-link loops: a folder linking to its parent is not followed, a self-link is reported', async () => {
    write('vault/a.md', SUMMARY);
    fs.symlinkSync(at('vault'), at('vault', 'loop'));
    fs.symlinkSync(at('vault', 'self.md'), at('vault', 'self.md'), 'file');
    fs.symlinkSync(at('vault', 'ping.md'), at('vault', 'pong.md'));
    fs.symlinkSync(at('vault', 'pong.md'), at('vault', 'ping.md'));
    const r = await papers(at('vault'));
    assert.equal(r.code, 1);
    assert.deepEqual(r.json.papers.map((p) => p.file), [at('vault', 'a.md')]);
    assert.deepEqual(r.err.trim().split('\n').sort(), [
      `paper-study: ${at('vault', 'ping.md')}: symbolic link loop`,
      `paper-study: ${at('vault', 'pong.md')}: symbolic link loop`,
      `paper-study: ${at('vault', 'self.md')}: symbolic link loop`,
    ]);
    const direct = await papers(at('vault', 'self.md'));
    assert.equal(direct.code, 1);
    assert.match(direct.err, /self\.md: symbolic link loop/);
  });

  it('symlinked folders are skipped, symlinked files are read, broken links are reported', async () => {
    write('elsewhere/b.md', SUMMARY);
    write('vault/a.md', SUMMARY);
    fs.symlinkSync(at('elsewhere'), at('vault', 'linked-folder'));
    fs.symlinkSync(at('elsewhere', 'b.md'), at('vault', 'alias.md'));
    fs.symlinkSync(at('nowhere.md'), at('vault', 'dangling.md'));
    const r = await papers(at('vault'));
    assert.deepEqual(r.json.papers.map((p) => p.file), [at('vault', 'a.md'), at('vault', 'alias.md')]);
    assert.equal(r.err, `paper-study: ${at('vault', 'dangling.md')}: broken symbolic link\n`);
    assert.equal(r.code, 1);
  });

  it('permission denied (simulated through the file-system seam: the tests run as root, whom chmod 000 does not stop)', async () => {
    write('vault/a.md', SUMMARY);
    write('vault/secret.md', SUMMARY);
    write('vault/locked/c.md', SUMMARY);
    const r = await run.run('cli', { argv: ['papers', '--json', at('vault')], denied: [at('vault', 'secret.md'), at('vault', 'locked')] });
    assert.equal(r.code, 1);
    assert.deepEqual((JSON.parse(r.out) as PapersJson).papers.map((p) => p.file), [at('vault', 'a.md')]);
    assert.deepEqual(r.err.trim().split('\n').sort(), [
      `paper-study: ${at('vault', 'locked')}: permission denied`,
      `paper-study: ${at('vault', 'secret.md')}: permission denied`,
    ]);
  });

  it('permission denied for real', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads through chmod 000: covered by the seam above
    const file = write('secret.md', SUMMARY);
    fs.chmodSync(file, 0o000);
    const r = await papers(file);
    assert.match(r.err, /secret\.md: permission denied/);
  });

  it('a file deleted between listing and reading', async () => {
    write('vault/a.md', SUMMARY);
    write('vault/gone.md', SUMMARY);
    const r = await run.run('cli', { argv: ['papers', '--json', at('vault')], vanish: [at('vault', 'gone.md')] });
    assert.equal(r.code, 1);
    assert.deepEqual((JSON.parse(r.out) as PapersJson).papers.map((p) => p.file), [at('vault', 'a.md')]);
    assert.equal(r.err, `paper-study: ${at('vault', 'gone.md')}: no such file or folder\n`);
  });

  it('a 50 MB file is skipped with a message, and the rest is read', async () => {
    write('vault/a.md', SUMMARY);
    const big = at('vault', 'big.md');
    fs.writeFileSync(big, SUMMARY);
    fs.truncateSync(big, 50 * 1024 * 1024);
    const r = await papers(at('vault'));
    assert.equal(r.code, 1);
    assert.deepEqual(r.json.papers.map((p) => p.file), [at('vault', 'a.md')]);
    assert.equal(r.err, `paper-study: ${big}: skipped: 50.0 MB is over the size limit of 10.0 MB (use --max-size)\n`);
  });

  it('10,000 files', async function () {
    this.timeout(60000);
    for (let d = 0; d < 100; d++) {
      fs.mkdirSync(at('vault', `d${d}`), { recursive: true });
      for (let f = 0; f < 100; f++) fs.writeFileSync(at('vault', `d${d}`, `p${f}.md`), `# Paper ${d}-${f}: A Title\n\nThis is a weakness of it.\n`);
    }
    const r = await papers(at('vault'));
    assert.equal(r.code, 0, r.err);
    assert.equal(r.json.papers.length, 10000);
    assert.equal(new Set(r.json.papers.map((p) => p.file)).size, 10000);
  });

  it('binaries, other encodings, empty files and broken front matter: one clear line each', async () => {
    write('vault/a.md', SUMMARY);
    write('vault/binary.md', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    write('vault/latin1.md', Buffer.from('# Caf\xe9: Na\xefve\n\nThis is a weakness.\n', 'latin1'));
    write('vault/utf16le.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SUMMARY, 'utf16le')]));
    write('vault/utf16be.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SUMMARY, 'utf16le').swap16()]));
    write('vault/utf16-no-bom.md', Buffer.from(SUMMARY, 'utf16le'));
    write('vault/empty.md', '');
    write('vault/front-only.md', '---\ntitle: Front Matter Only\n---\n');
    write('vault/bad-yaml.md', '---\ntitle: [unclosed\n---\n\n# Paper: Bad Front Matter\n\nThis is a weakness.\n');
    write('vault/bom.md', '\uFEFF' + SUMMARY.replace(/\n/g, '\r\n'));
    const r = await papers(at('vault'));
    assert.equal(r.code, 1);
    assert.deepEqual(r.json.papers.map((p) => [path.basename(p.file), p.title]), [
      ['a.md', 'Paper: A Readable Summary'],
      ['bad-yaml.md', 'Paper: Bad Front Matter'],
      ['bom.md', 'Paper: A Readable Summary'],
      ['front-only.md', 'Front Matter Only'],
    ]);
    const lines = r.err.trim().split('\n');
    const lineFor = (name: string) => lines.find((l) => l.startsWith(`paper-study: ${at('vault', name)}: `)) ?? `(no line for ${name})`;
    assert.match(lineFor('binary.md'), /binary file \(contains NUL bytes\), not Markdown$/);
    assert.match(lineFor('latin1.md'), /not valid UTF-8: save the file as UTF-8$/);
    assert.match(lineFor('utf16le.md'), /UTF-16 text is not supported: save the file as UTF-8$/);
    assert.match(lineFor('utf16be.md'), /UTF-16 text is not supported: save the file as UTF-8$/);
    assert.match(lineFor('utf16-no-bom.md'), /binary file \(contains NUL bytes\)|UTF-16/);
    assert.match(lineFor('bad-yaml.md'), /front matter is not valid YAML/);
    assert.equal(lines.length, 6, r.err);
  });

  it('`"><script>` and control characters in file names reach the JSON output exactly', async () => {
    const name = '"><script>alert(1)<\\script> \u202Eevil\u202C \t.md';
    write(`vault/${name}`, SUMMARY);
    const r = await papers(at('vault'));
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.json.papers.map((p) => p.file), [at('vault', name)]);
    const text = await run.run('cli', { argv: ['papers', at('vault')] });
    assert.match(text.out, /A Readable Summary/);
  });

  it('export --out onto a folder fails with a reason and leaves no temporary file behind', async () => {
    const source = write('a.md', SUMMARY);
    fs.mkdirSync(at('out.md'));
    const r = await run.run('cli', { argv: ['export', '--format', 'html', '--force', '--out', at('out.md'), source] });
    assert.equal(r.code, 1);
    assert.match(r.err, /out\.md: cannot write \(E[A-Z]+\)/);
    assert.deepEqual(fs.readdirSync(tmp).sort(), ['a.md', 'out.md']);
  });
});
