// Runs the same integration suite in desktop VS Code through @vscode/test-electron, which downloads
// VS Code from update.code.visualstudio.com (or uses VSCODE_EXECUTABLE_PATH when set). Where that host
// cannot be reached, it fails with a message instead of hanging. Build first: `npm run build`.
//   node dist/test/integration/runElectron.js
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import type { TestResults } from './index';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const RESULTS_FILE = path.join(ROOT, '.vscode-test', 'electron-results.json');
const OVERALL_TIMEOUT_MS = 10 * 60 * 1000;

async function main(): Promise<number> {
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.rmSync(RESULTS_FILE, { force: true });
  const exitCode = await withTimeout(runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    launchArgs: [path.join(ROOT, 'test', 'integration', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { TEST_RESULTS: RESULTS_FILE },
    timeout: 15000,
  }), OVERALL_TIMEOUT_MS);
  const results = readResults();
  if (!results) return exitCode || 1;
  console.log(`${results.passed} passed, ${results.failed} failed`);
  return results.failed === 0 && results.passed > 0 ? exitCode : 1;
}

function readResults(): TestResults | undefined {
  if (!fs.existsSync(RESULTS_FILE)) return undefined;
  return JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as TestResults;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`desktop VS Code did not finish within ${ms / 1000}s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Cannot run the suite in desktop VS Code: ${message}`);
    console.error('Without access to update.code.visualstudio.com, set VSCODE_EXECUTABLE_PATH to an installed');
    console.error('VS Code, or use the code-server host instead: npm run host:setup && npm run test:integration');
    process.exit(1);
  },
);
