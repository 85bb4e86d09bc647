// The test side of the host driver's screenshot seam (scripts/vscode-host/run-tests.js): write a
// request {path, selectorToWaitFor?} to the file named by PAPER_STUDY_SCREENSHOT_REQUEST, then wait
// for the PNG (or `<path>.error`) to appear. Desktop VS Code has no driver: screenshots are unavailable.
import * as fs from 'node:fs';
import * as path from 'node:path';

const WAIT_MS = 30000;
const POLL_MS = 100;

/** Whether the host that runs the suite can take screenshots. */
export function canTakeScreenshots(): boolean {
  return Boolean(process.env.PAPER_STUDY_SCREENSHOT_REQUEST && process.env.PAPER_STUDY_SCREENSHOT_DIR);
}

/**
 * Saves a screenshot of the workbench as `<PAPER_STUDY_SCREENSHOT_DIR>/<name>.png`, once
 * `selectorToWaitFor` (a CSS selector in the workbench page) is visible; resolves with the PNG's path.
 */
export async function takeScreenshot(name: string, selectorToWaitFor?: string): Promise<string> {
  const requestFile = process.env.PAPER_STUDY_SCREENSHOT_REQUEST;
  const dir = process.env.PAPER_STUDY_SCREENSHOT_DIR;
  if (!requestFile || !dir) throw new Error('this host cannot take screenshots (see canTakeScreenshots)');
  const png = path.join(dir, `${name}.png`);
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(png, { force: true });
  fs.writeFileSync(`${requestFile}.part`, JSON.stringify({ path: png, selectorToWaitFor }));
  fs.renameSync(`${requestFile}.part`, requestFile);
  await waitForFile(png);
  return png;
}

async function waitForFile(png: string): Promise<void> {
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    if (fs.existsSync(png)) return;
    if (fs.existsSync(`${png}.error`)) throw new Error(`screenshot failed: ${fs.readFileSync(`${png}.error`, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`no screenshot after ${WAIT_MS / 1000}s: ${png}`);
}
