// Entry of the web suite: the web-worker extension host loads this browser bundle and awaits run().
// It uses mocha's browser build (BDD), and writes {passed, failed, failures} to the results file of
// the driver run through workspace.fs (a worker has no file system and no environment variables):
// scripts/vscode-host/run-tests.js opens a copy of the workspace at <run>/ws/<name> and reads
// <run>/results.json.
import * as vscode from 'vscode';
// Mocha's browser build, an ES module: it sets the global `mocha`.
import 'mocha/mocha.js';

interface TestResults {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 20000 });
  await import('./papersTree.test');
  const results = await runMocha();
  await writeResults(results);
  if (results.failed > 0) throw new Error(`${results.failed} web test(s) failed`);
  if (results.passed === 0) throw new Error('no web tests ran');
}

function runMocha(): Promise<TestResults> {
  const results: TestResults = { passed: 0, failed: 0, failures: [] };
  return new Promise((resolve) => {
    mocha.run(() => resolve(results))
      .on('pass', () => { results.passed++; })
      .on('fail', (test, error: Error) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), error: error.stack ?? String(error) });
      });
  });
}

async function writeResults(results: TestResults): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web suite needs the driver\'s workspace folder open');
  const file = vscode.Uri.joinPath(folder.uri, '..', '..', 'results.json');
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(results, null, 2)));
}
