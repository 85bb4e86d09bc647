// Sizes of the production bundles (minified, as `node esbuild.js --production` builds them), built
// in memory so that dist/ is left alone, with the largest inputs of each from esbuild's metafile.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

export interface BundleSize {
  readonly name: string;
  readonly bytes: number;
  readonly limit: number;
  /** The inputs that weigh most in the output, largest first: [path, bytes]. */
  readonly top: readonly [string, number][];
}

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    outputFiles: { path: string; contents: Uint8Array }[];
    metafile: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  }>;
}

const BUNDLES = [
  { name: 'extension (Node)', entry: 'src/vscode/extension.ts', platform: 'node', format: 'cjs', limit: 300 * 1024 },
  { name: 'extension (web)', entry: 'src/vscode/extension.ts', platform: 'browser', format: 'cjs', limit: 300 * 1024 },
  { name: 'webview script', entry: 'src/webview/main.ts', platform: 'browser', format: 'iife', limit: 50 * 1024 },
] as const;

export async function bundleSizes(root: string): Promise<BundleSize[]> {
  // Loaded at run time from the project's node_modules: esbuild cannot be bundled into the bench.
  const load = createRequire(path.join(root, 'package.json'));
  const esbuild = load('esbuild') as Esbuild;
  const { shared } = load('./esbuild.js') as { shared: Record<string, unknown> };
  const out: BundleSize[] = [];
  for (const b of BUNDLES) {
    const entry = path.join(root, b.entry);
    if (!fs.existsSync(entry)) continue;
    const result = await esbuild.build({
      entryPoints: [entry], bundle: true, ...shared, minify: true, sourcemap: false, target: 'es2022', write: false, metafile: true,
      platform: b.platform, format: b.format, external: ['vscode'], outfile: path.join(root, 'dist/bench-size.js'), logLevel: 'silent',
      define: b.platform === 'browser' ? { 'process.env.NODE_ENV': '"production"' } : {},
    });
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'))!;
    const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
    const byPackage = new Map<string, number>();
    for (const [file, info] of Object.entries(inputs)) {
      const key = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.replace(/^.*?src\//, 'src/').replace(/\/[^/]+$/, '/');
      byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
    }
    const top = [...byPackage].sort((x, y) => y[1] - x[1]).slice(0, 4);
    out.push({ name: b.name, bytes: js.contents.length, limit: b.limit, top });
  }
  return out;
}
