// Builds every bundle of Paper Study with one esbuild context per entry.
//   node esbuild.js               development build (sourcemaps)
//   node esbuild.js --production  minified, no sourcemaps, then the shipped bundles' budgets checked
//   node esbuild.js --watch       rebuild on change
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  // The extension for desktop VS Code and remote/server hosts (Node).
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  // The same extension for VS Code for the web (web-worker extension host): no Node built-ins.
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], define: { 'process.env.NODE_ENV': '"production"' } },
  // The study panel's script, run inside the webview.
  { entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife' },
  // The command-line interface.
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // Benchmarks (never shipped).
  { entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', platform: 'node', format: 'cjs' },
  // Integration suite (entry, one bundle per test file, desktop runner), required by the extension host.
  { entryPoints: ['test/integration/index.ts', 'test/integration/runElectron.ts', 'test/integration/**/*.test.ts'], outbase: 'test/integration', outdir: 'dist/test/integration', platform: 'node', format: 'cjs', external: ['vscode', 'mocha', '@vscode/test-electron'] },
].filter((t) => fs.existsSync(t.entryPoints[0]));

/** Prints errors in the `file:line:col: error:` form that VS Code's problem matchers read. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/** js-yaml's loader and core schema alone (scripts/js-yaml-core.js): its single-file ES build keeps
 *  the dumper (about 9 KB minified), which Paper Study never uses and tree shaking cannot drop. */
const alias = { 'js-yaml': path.join(__dirname, 'scripts', 'js-yaml-core.js') };

/** The loader's default schema made the core schema, which frontMatter.ts passes anyway: the types
 *  it adds (timestamps, merge keys, !!binary, !!omap, !!pairs, !!set; about 4 KB) are then left out. */
const jsYamlCoreSchema = {
  name: 'js-yaml-core-schema',
  setup(build) {
    build.onResolve({ filter: /^\.\/schema\/default$/ }, (args) => (
      /[\\/]js-yaml[\\/]lib$/.test(args.resolveDir) ? { path: path.join(args.resolveDir, 'schema', 'core.js') } : undefined));
    // And no error snippets (about 1.3 KB), which frontMatter.ts cuts from messages anyway.
    build.onResolve({ filter: /^\.\/snippet$/ }, (args) => (
      /[\\/]js-yaml[\\/]lib$/.test(args.resolveDir) ? { path: path.join(__dirname, 'scripts', 'js-yaml-no-snippet.js') } : undefined));
  },
};

/** Settings every bundle of the extension's code is built with (also by bench/bundleSizes.ts and
 *  test/unit/webBundle.test.ts, which must measure what ships). */
const shared = { alias, plugins: [jsYamlCoreSchema] };

async function main() {
  const contexts = await Promise.all(targets.map((t) => esbuild.context({
    bundle: true,
    alias,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    target: 'es2022',
    logLevel: 'silent',
    metafile: true,
    plugins: [problemMatcherPlugin, ...shared.plugins],
    ...t,
  })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  let failed = false;
  for (const ctx of contexts) {
    try { await ctx.rebuild(); } catch { failed = true; }
    await ctx.dispose();
  }
  if (failed) process.exit(1);
  if (production) checkShippedBundles();
}

/** A production build fails when a shipped bundle breaks its budget (scripts/check-bundles.js). */
function checkShippedBundles() {
  const { report, problems } = require('./scripts/check-bundles').checkBundles(__dirname);
  for (const line of report) console.log(line);
  for (const p of problems) console.error(`✘ [BUNDLE] ${p}`);
  if (problems.length > 0) process.exit(1);
}

if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });

module.exports = { shared };
