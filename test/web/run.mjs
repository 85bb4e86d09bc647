#!/usr/bin/env node
// Runs the web suite (test/web/*.ts) against Paper Study's browser bundle in the web-worker extension
// host of code-server's workbench (run `npm run build` first; `npm run test:web` does both).
// It stages a web-only copy of the extension (the manifest without `main` and `extensionKind`, so VS
// Code can only run dist/web/extension.js, in the browser), bundles the suite into it with mocha's browser build, and
// hands both to scripts/vscode-host/run-tests.js. Extra arguments go to run-tests.js.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const STAGE = path.join(ROOT, '.vscode-test', 'web-extension');
/** What the web-only copy holds besides its manifest. */
const SHIPPED = ['package.nls.json', 'dist/web/extension.js', 'dist/webview.js', 'media', 'examples/paper-summaries.md'];

function stageExtension() {
  fs.rmSync(STAGE, { recursive: true, force: true });
  for (const file of SHIPPED) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from)) throw new Error(`${file} is missing; run: npm run build`);
    fs.cpSync(from, path.join(STAGE, file), { recursive: true });
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  // Browser only: no Node entry, and no extensionKind (a `browser`-only extension is then a web
  // extension, which a web workbench runs in its web-worker extension host).
  delete manifest.main;
  delete manifest.extensionKind;
  fs.writeFileSync(path.join(STAGE, 'package.json'), JSON.stringify(manifest, null, 2));
}

/**
 * Loads mocha's browser build as a plain script, which sets the global `mocha`. Bundled as it is, its
 * UMD header would see the CommonJS `module` of the suite bundle and replace the suite's exports.
 */
const mochaAsScript = {
  name: 'mocha-as-script',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `(function (module, exports, define) {\n${fs.readFileSync(args.path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};

/** The suite goes inside the extension, so that the extension host running it (the web worker) runs the suite. */
async function bundleSuite() {
  const outfile = path.join(STAGE, 'test', 'index.js');
  await esbuild.build({
    entryPoints: [path.join(HERE, 'index.ts')], outfile, bundle: true, platform: 'browser', format: 'cjs',
    target: 'es2022', external: ['vscode'], sourcemap: 'inline', logLevel: 'warning', plugins: [mochaAsScript],
  });
  return outfile;
}

async function main() {
  stageExtension();
  const suite = await bundleSuite();
  const driver = path.join(ROOT, 'scripts', 'vscode-host', 'run-tests.js');
  const result = spawnSync(process.execPath, [driver, '--extension', STAGE, '--suite', suite, ...process.argv.slice(2)], { stdio: 'inherit' });
  return result.status ?? 1;
}

main().then((code) => process.exit(code), (error) => { console.error(`test:web: ${error.message}`); process.exit(2); });
