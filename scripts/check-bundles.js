#!/usr/bin/env node
// Checks the shipped bundles of a production build (`node esbuild.js --production` runs it too):
// each is minified and within its size budget, and the bundles that run in a browser (the web
// extension, the webview script) use no Node built-in module or Node global.
//   node scripts/check-bundles.js     prints each bundle's size; exit 1 with a message per problem
'use strict';

const fs = require('node:fs');
const { builtinModules } = require('node:module');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const KB = 1024;

/** The bundles the .vsix ships. `browser`: runs in a web worker or a webview (no Node). */
const BUNDLES = [
  { file: 'dist/extension.js', maxBytes: 300 * KB, browser: false, allowedRequires: ['vscode'] },
  { file: 'dist/web/extension.js', maxBytes: 300 * KB, browser: true, allowedRequires: ['vscode'] },
  { file: 'dist/webview.js', maxBytes: 50 * KB, browser: true, allowedRequires: [] },
];

/** A minified bundle has long lines (esbuild --minify keeps only line breaks inside template literals). */
const MIN_AVERAGE_LINE_LENGTH = 200;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Node globals that a browser does not have (esbuild does not polyfill them). */
const NODE_GLOBALS = /\b(?:process\.[A-Za-z_$]+|Buffer\.[A-Za-z_$]+|Buffer\(|__dirname|__filename|global\.[A-Za-z_$]+|setImmediate\()/g;
const REQUIRE_CALL = /\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

/** The problems of one bundle's text (empty when it passes). */
function bundleProblems(bundle, text) {
  const problems = [];
  const bytes = Buffer.byteLength(text);
  if (bytes > bundle.maxBytes) {
    problems.push(`${formatKB(bytes)} is over its budget of ${formatKB(bundle.maxBytes)}`);
  }
  if (!isMinified(text)) problems.push('is not minified (build with `node esbuild.js --production`)');
  return problems.concat(bundle.browser ? browserProblems(text, bundle.allowedRequires) : nodeProblems(text, bundle.allowedRequires));
}

/** Whether esbuild minified the text: no source map comment, long lines. */
function isMinified(text) {
  return !/\/\/# sourceMappingURL=/.test(text) && Buffer.byteLength(text) / text.split('\n').length >= MIN_AVERAGE_LINE_LENGTH;
}

/** Code that cannot run in a browser: requires other than the allowed ones, and Node globals. */
function browserProblems(text, allowedRequires) {
  const problems = [];
  for (const name of requiredModules(text)) {
    if (allowedRequires.includes(name)) continue;
    problems.push(NODE_BUILTINS.has(name)
      ? `requires the Node built-in "${name}", which a browser does not have`
      : `requires "${name}" at run time (bundle it instead)`);
  }
  const globals = new Set([...text.matchAll(NODE_GLOBALS)].map((m) => m[0]));
  if (globals.size > 0) problems.push(`uses Node globals a browser does not have: ${[...globals].join(', ')}`);
  return problems;
}

/** A Node bundle may require Node built-ins and the allowed modules, nothing else (nothing is installed). */
function nodeProblems(text, allowedRequires) {
  return [...requiredModules(text)]
    .filter((name) => !allowedRequires.includes(name) && !NODE_BUILTINS.has(name))
    .map((name) => `requires "${name}" at run time (bundle it instead)`);
}

function requiredModules(text) {
  return new Set([...text.matchAll(REQUIRE_CALL)].map((m) => m[1]));
}

/** Checks every bundle under `root`; returns the report lines and the problems. */
function checkBundles(root = ROOT) {
  const report = [];
  const problems = [];
  for (const bundle of BUNDLES) {
    const file = path.join(root, bundle.file);
    if (!fs.existsSync(file)) {
      problems.push(`${bundle.file}: missing (run \`node esbuild.js --production\`)`);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    report.push(`${bundle.file.padEnd(24)} ${formatKB(Buffer.byteLength(text)).padStart(9)} of ${formatKB(bundle.maxBytes)}`);
    for (const p of bundleProblems(bundle, text)) problems.push(`${bundle.file}: ${p}`);
  }
  return { report, problems };
}

function formatKB(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

module.exports = { BUNDLES, bundleProblems, browserProblems, checkBundles, isMinified };

if (require.main === module) {
  const { report, problems } = checkBundles();
  for (const line of report) console.log(line);
  for (const p of problems) console.error(`bundle check failed: ${p}`);
  process.exit(problems.length > 0 ? 1 : 0);
}
