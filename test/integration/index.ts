// Entry of the integration suite. The extension host of a real VS Code loads this module and awaits
// run(): code-server's (scripts/vscode-host/run-tests.js) or desktop VS Code's (runElectron.ts).
// Tests use mocha's BDD interface (`describe`/`it`), as the unit tests do.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** What the suite writes to the file named by the environment variable TEST_RESULTS. */
export interface TestResults {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

/** Runs every `*.test.js` compiled next to this file; rejects when a test fails or none ran. */
export async function run(): Promise<void> {
  // PAPER_STUDY_TEST_GREP runs only the tests whose full title matches (forwarded by the driver).
  const grep = process.env.PAPER_STUDY_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, ...(grep ? { grep } : {}) });
  for (const file of findTestFiles(__dirname)) mocha.addFile(file);
  const results = await runMocha(mocha);
  writeResults(results);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
  if (results.passed === 0) throw new Error(`no integration tests found in ${__dirname}`);
}

function findTestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

function runMocha(mocha: Mocha): Promise<TestResults> {
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

function writeResults(results: TestResults): void {
  const file = process.env.TEST_RESULTS;
  if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
}
