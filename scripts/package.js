#!/usr/bin/env node
// Builds the production .vsix offline and checks what went into it.
//   node scripts/package.js [--out <file.vsix>]     (npm run package)
// `vsce package --no-dependencies` runs the manifest's `vscode:prepublish` (the production build, which
// checks each bundle's budget: scripts/check-bundles.js); every dependency is bundled by esbuild, so
// no node_modules are packaged. Then the archive is read back: it must hold only the files listed in
// SHIPPED (no sources, maps, tests or node_modules), all of REQUIRED, and stay within MAX_VSIX_BYTES.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const KB = 1024;
const MAX_VSIX_BYTES = 400 * KB;

/** What a .vsix may contain (paths inside the archive). */
const SHIPPED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package(\.nls(\.[A-Za-z-]+)?)?\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/license(\.txt)?$/i,
  /^extension\/dist\/(extension|webview|web\/extension)\.js$/,
  /^extension\/media\/[\w.-]+\.(png|svg|css)$/,
  /^extension\/examples\/paper-summaries\.md$/,
];

/** What it must contain: the manifest, the three bundles, the icon and the sample. */
const REQUIRED = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/dist/extension.js',
  'extension/dist/web/extension.js',
  'extension/dist/webview.js',
  'extension/media/icon.png',
  'extension/examples/paper-summaries.md',
];

class PackageError extends Error {}

function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const out = path.resolve(outOption(process.argv.slice(2)) ?? path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`));
  fs.rmSync(out, { force: true });
  runVsce(['package', '--no-dependencies', '--out', out]);
  const entries = readZipEntries(fs.readFileSync(out));
  const problems = contentProblems(entries);
  const size = fs.statSync(out).size;
  if (size > MAX_VSIX_BYTES) problems.push(`the .vsix is ${formatKB(size)}, over its budget of ${formatKB(MAX_VSIX_BYTES)}`);
  if (problems.length > 0) {
    printContents(entries);
    throw new PackageError(problems.join('\n'));
  }
  console.log(`${path.relative(process.cwd(), out)}: ${formatKB(size)} of ${formatKB(MAX_VSIX_BYTES)}, ${entries.length} files`);
}

function outOption(args) {
  if (args.length === 0) return undefined;
  if (args.length === 2 && args[0] === '--out') return args[1];
  throw new PackageError('usage: node scripts/package.js [--out <file.vsix>]');
}

/** Runs the project's own vsce (a devDependency) with the current Node. */
function runVsce(args) {
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!fs.existsSync(vsce)) throw new PackageError('@vscode/vsce is not installed; run: npm ci');
  const result = spawnSync(process.execPath, [vsce, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new PackageError(`vsce ${args[0]} failed (exit code ${result.status ?? result.signal})`);
}

/** Files of the archive that should not be there, and required files that are missing. */
function contentProblems(entries) {
  const names = new Set(entries.map((e) => e.name));
  const stray = entries.filter((e) => !SHIPPED.some((re) => re.test(e.name))).map((e) => e.name);
  const missing = REQUIRED.filter((name) => !names.has(name));
  const problems = [];
  if (stray.length > 0) problems.push(`the .vsix holds files it must not ship (fix .vscodeignore):\n  ${stray.join('\n  ')}`);
  if (missing.length > 0) problems.push(`the .vsix lacks:\n  ${missing.join('\n  ')}`);
  return problems;
}

/** The entries of a zip archive (name, compressed and uncompressed size), from its central directory. */
function readZipEntries(zip) {
  const END_SIGNATURE = 0x06054b50;
  const ENTRY_SIGNATURE = 0x02014b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_SIGNATURE) end--;
  if (end < 0) throw new PackageError('the .vsix is not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== ENTRY_SIGNATURE) throw new PackageError('the .vsix has a damaged central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function printContents(entries) {
  for (const e of [...entries].sort((a, b) => b.compressed - a.compressed)) {
    console.log(`  ${formatKB(e.compressed).padStart(9)}  ${formatKB(e.size).padStart(9)}  ${e.name}`);
  }
  console.log(`  ${'zipped'.padStart(9)}  ${'size'.padStart(9)}`);
}

function formatKB(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

try {
  main();
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  console.error(`package failed: ${error.message}`);
  process.exit(1);
}
