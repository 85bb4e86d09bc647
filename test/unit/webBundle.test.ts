// The browser bundle (dist/web/extension.js) without a browser: built in memory as esbuild.js builds
// it for production, it passes the bundle checks (scripts/check-bundles.js) and evaluates in a bare
// `node:vm` context (no process, Buffer, global or Node require; only a fake 'vscode' module), where
// it exports activate and deactivate. The real web-worker host runs it in test/web (npm run test:web).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import { BUNDLES, browserProblems, isMinified } from '../../scripts/check-bundles.js';
import { createRequire } from 'node:module';
import { readFrontMatter } from '../../src/core/frontMatter';

const ROOT = path.join(__dirname, '..', '..');
/** The build's own settings (js-yaml's loader and core schema alone). */
const { shared } = createRequire(__filename)('../../esbuild.js') as { shared: Pick<esbuild.BuildOptions, 'alias' | 'plugins'> };

/** The web target of esbuild.js, minified, kept in memory. */
async function buildWebBundle(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'vscode', 'extension.ts')], bundle: true, ...shared, write: false, minify: true,
    platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** A 'vscode' module whose every member is a harmless stand-in (loading must not call into it). */
function fakeVscode(): unknown {
  const stub: unknown = new Proxy(function () { /* stand-in */ }, {
    get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : stub),
    apply: () => stub,
    construct: () => stub as object,
  });
  return stub;
}

/** Evaluates CommonJS text in a context with browser-like globals only; returns its exports. */
function evaluateInBareContext(code: string): { exports: Record<string, unknown>; required: string[] } {
  const required: string[] = [];
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string) => {
    required.push(name);
    if (name === 'vscode') return fakeVscode();
    throw new Error(`the browser bundle required "${name}"`);
  };
  const context = vm.createContext({ module, exports: module.exports, require, console, TextDecoder, TextEncoder, URL, setTimeout, clearTimeout, queueMicrotask });
  vm.runInContext(code, context, { filename: 'dist/web/extension.js' });
  for (const name of ['process', 'Buffer', 'global', '__dirname']) {
    assert.equal(vm.runInContext(`typeof ${name}`, context), 'undefined', `the context has no ${name}`);
  }
  return { exports: module.exports, required };
}

describe('web bundle', function () {
  this.timeout(30000);
  let code: string;
  before(async () => { code = await buildWebBundle(); });

  it('passes the browser checks of scripts/check-bundles.js and is minified', () => {
    const web = BUNDLES.find((b) => b.file === 'dist/web/extension.js');
    assert.ok(web?.browser, 'the web bundle is checked as a browser bundle');
    assert.deepEqual(browserProblems(code, web.allowedRequires), []);
    assert.equal(isMinified(code), true);
  });

  it('evaluates with no Node globals and exports activate and deactivate', () => {
    const { exports, required } = evaluateInBareContext(code);
    assert.equal(typeof exports.activate, 'function');
    assert.equal(typeof exports.deactivate, 'function');
    assert.deepEqual([...new Set(required)], ['vscode']);
  });

  it('would be caught using Node: a bundle touching process fails to load in the bare context', () => {
    assert.throws(() => evaluateInBareContext(`module.exports.home = process.env.HOME;\n${code}`), /process is not defined/);
    assert.throws(() => evaluateInBareContext(`require("fs");\n${code}`), /required "fs"/);
  });
});

describe('check-bundles', () => {
  it('flags Node built-ins, other run-time requires and Node globals in browser code', () => {
    assert.deepEqual(browserProblems('var a=require("vscode");', ['vscode']), []);
    assert.deepEqual(browserProblems('var f=require("node:fs"),p=require(\'path\');', ['vscode']), [
      'requires the Node built-in "node:fs", which a browser does not have',
      'requires the Node built-in "path", which a browser does not have',
    ]);
    assert.deepEqual(browserProblems('var y=require("yaml");', []), ['requires "yaml" at run time (bundle it instead)']);
    assert.deepEqual(browserProblems('var e=process.env.HOME,b=Buffer.from("x"),d=__dirname;', []), [
      'uses Node globals a browser does not have: process.env, Buffer.from, __dirname',
    ]);
  });

  it('tells minified output from a development build', () => {
    assert.equal(isMinified(`${'x'.repeat(1000)}\n${'y'.repeat(1000)}`), true);
    assert.equal(isMinified('var a = 1;\nvar b = 2;\n'), false);
    assert.equal(isMinified(`${'x'.repeat(5000)}\n//# sourceMappingURL=extension.js.map`), false);
  });
});

describe('bundled front matter reading', function () {
  this.timeout(30000);

  it('reports a YAML error as the unbundled reader does: reason and (line:column), the snippet left out', async () => {
    const result = await esbuild.build({
      stdin: { contents: "module.exports = require('./src/core/frontMatter.ts');", resolveDir: ROOT, loader: 'js' },
      bundle: true, ...shared, write: false, platform: 'node', format: 'cjs', target: 'es2022', logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    assert.doesNotMatch(code, /function getLine ?\(/, "js-yaml's snippet maker is not in the bundle");
    const module = { exports: {} as { readFrontMatter: (yaml: string) => { error?: string } } };
    vm.runInNewContext(code, { module, exports: module.exports, require: createRequire(__filename) });
    const yaml = 'title: A paper\nauthors: [a, b\nyear: 2020\n';
    const bundled = module.exports.readFrontMatter(yaml).error;
    assert.ok(bundled);
    assert.match(bundled, /^front matter is not valid YAML: .+ \(\d+:\d+\)$/);
    assert.equal(bundled, readFrontMatter(yaml).error);
  });
});
