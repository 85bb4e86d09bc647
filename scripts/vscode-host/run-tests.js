#!/usr/bin/env node
// Runs Paper Study's integration suite inside a real VS Code: the server-side extension host of
// code-server, driven headlessly through its web workbench (Debian chromium + playwright-core).
// With --open it serves the workbench with the extension loaded instead, for manual use.
// With --vsix it installs a packaged extension and runs the suite against that installed copy.
// Install the host first with `npm run host:setup`; see scripts/vscode-host/README.md.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const ROOT = path.resolve(__dirname, '..', '..');
const HOST_DIR = path.join(ROOT, '.vscode-test');
const NODE24 = path.join(HOST_DIR, 'node24', 'bin', 'node');
const CODE_SERVER = path.join(HOST_DIR, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const RUNS_DIR = path.join(HOST_DIR, 'runs');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
/** VS Code puts IPC sockets (`vscode-ipc-<uuid>.sock`) in TMPDIR; a socket path must fit in 107 bytes. */
const MAX_TMPDIR_LENGTH = 107 - 'vscode-ipc-00000000-0000-0000-0000-000000000000.sock'.length - 1;
/** Workbench and server chatter that is not test output (shown with --verbose). */
const NOISE = /^\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|Service Worker)\]|^Creating a socket|connection token|grace time|builtin extensions cache|took \d+ms\.$|open-vsx\.org|vsda|Dialog requested during smoke test|^Timed out waiting for authentication provider|^Canceled: Canceled|Extension host with pid|Started local extension host|Skipping acquiring lock|\[KeybindingService\]|\[ExtensionService\]/;
const POLL_MS = 200;

const DEFAULTS = {
  workspace: path.join(ROOT, 'test', 'integration', 'workspace'),
  suite: path.join(ROOT, 'dist', 'test', 'integration', 'index.js'),
  extension: ROOT,
  screenshotDir: path.join(HOST_DIR, 'screenshots'),
  timeoutSeconds: 900,
};

const USAGE = `Usage: node scripts/vscode-host/run-tests.js [options]
  --workspace <dir>    folder opened in VS Code, as a fresh copy for tests (default: test/integration/workspace)
  --suite <index.js>   compiled suite entry exporting run() (default: dist/test/integration/index.js)
  --extension <dir>    extension under test (default: the repository root)
  --vsix <file>        test this packaged extension instead, installed into the run's fresh extensions
                       folder (the development path is then an empty placeholder extension)
  --screenshot <png>   save a screenshot of the workbench when the tests finish
  --timeout <seconds>  overall time limit (default: ${DEFAULTS.timeoutSeconds})
  --keep               keep the run folder (.vscode-test/runs/<id>) even when everything passed
  --verbose            print the whole workbench log (also: PAPER_STUDY_TEST_VERBOSE=1)
  --open               no tests: serve VS Code with the extension installed and print its URL (Ctrl-C stops)
  --port <n>           port for --open (default: a free one)`;

/** An error whose message is all the user needs (no stack trace). */
class HarnessError extends Error {}

// ---------------------------------------------------------------- options and prerequisites

function parseArgs(argv) {
  const options = {
    ...DEFAULTS,
    screenshot: undefined, vsix: undefined, keep: false, open: false, port: 0, help: false,
    verbose: process.env.PAPER_STUDY_TEST_VERBOSE === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new HarnessError(`${flag} needs a value`);
      return argv[++i];
    };
    switch (flag) {
      case '--workspace': options.workspace = path.resolve(value()); break;
      case '--suite': options.suite = path.resolve(value()); break;
      case '--extension': options.extension = path.resolve(value()); break;
      case '--vsix': options.vsix = path.resolve(value()); break;
      case '--screenshot': options.screenshot = path.resolve(value()); break;
      case '--timeout': options.timeoutSeconds = positiveNumber(flag, value()); break;
      case '--port': options.port = positiveNumber(flag, value()); break;
      case '--keep': options.keep = true; break;
      case '--verbose': options.verbose = true; break;
      case '--open': options.open = true; break;
      case '-h': case '--help': options.help = true; break;
      default: throw new HarnessError(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return options;
}

function positiveNumber(flag, text) {
  const n = Number(text);
  if (!(n > 0)) throw new HarnessError(`${flag} needs a positive number, got "${text}"`);
  return n;
}

function checkPrerequisites(options) {
  const missingHost = [NODE24, CODE_SERVER].filter((f) => !fs.existsSync(f));
  if (missingHost.length > 0) {
    throw new HarnessError(`the VS Code host is not installed (missing ${missingHost.join(', ')}); run: npm run host:setup`);
  }
  requirePath(options.extension, 'package.json', 'the extension folder needs a package.json');
  requirePath(options.workspace, '', 'the workspace folder does not exist');
  if (options.vsix) {
    if (options.open) throw new HarnessError('--vsix runs tests; it cannot be combined with --open');
    requirePath(options.vsix, '', 'the .vsix does not exist; run: npm run package');
  }
  if (options.open) return;
  if (!fs.existsSync(CHROMIUM)) throw new HarnessError(`no chromium at ${CHROMIUM}; run: npm run host:setup (or set CHROMIUM_PATH)`);
  requirePath(options.suite, '', 'the compiled suite is missing; run: npm run build');
}

function requirePath(base, child, message) {
  const file = path.join(base, child);
  if (!fs.existsSync(file)) throw new HarnessError(`${message} (${file})`);
}

function loadPlaywright() {
  try {
    return require('playwright-core');
  } catch {
    throw new HarnessError('playwright-core is not installed; run: npm ci');
  }
}

// ---------------------------------------------------------------- the run folder

/** Creates .vscode-test/runs/<id> with fresh user data, extensions, XDG folders and a short TMPDIR. */
function createRun() {
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const dir = path.join(RUNS_DIR, id);
  let tmpDir = path.join(dir, 't');
  const tmpOutside = tmpDir.length > MAX_TMPDIR_LENGTH;
  if (tmpOutside) tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'psh-'));
  const run = {
    id, dir, tmpDir, tmpOutside,
    userDataDir: path.join(dir, 'user-data'),
    extensionsDir: path.join(dir, 'extensions'),
    xdgDir: path.join(dir, 'xdg'),
    chromeProfile: path.join(dir, 'chromium'),
    resultsFile: path.join(dir, 'results.json'),
    screenshotRequest: path.join(dir, 'screenshot-request.json'),
    serverLog: path.join(dir, 'server.log'),
    workbenchLog: path.join(dir, 'workbench.log'),
  };
  for (const d of [run.tmpDir, run.userDataDir, run.extensionsDir, run.xdgDir]) fs.mkdirSync(d, { recursive: true });
  writeUserSettings(run.userDataDir);
  return run;
}

/** Copies the workspace into the run folder, so that tests never change the checked-in one. */
function copyWorkspace(run, workspace) {
  const copy = path.join(run.dir, 'ws', path.basename(workspace));
  fs.cpSync(workspace, copy, { recursive: true });
  return copy;
}

/** Quiets the workbench: no AI features, no gallery or update checks (offline they only fail). */
function writeUserSettings(userDataDir) {
  const settings = {
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

function removeRun(run) {
  fs.rmSync(run.dir, { recursive: true, force: true });
  if (run.tmpOutside) fs.rmSync(run.tmpDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- code-server

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on Node 24 in its own process group, so that stopping it stops all its children.
 * `testMode` enables the smoke-test driver, without which the workbench ignores the test payload in
 * the URL (it also dismisses modal dialogs, so manual sessions run without it).
 */
function startCodeServer(run, port, { testMode }) {
  const args = [
    CODE_SERVER,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    ...(testMode ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const log = fs.openSync(run.serverLog, 'a');
  const server = spawn(NODE24, args, { detached: true, stdio: ['ignore', log, log], env: isolatedEnv(run) });
  fs.closeSync(log);
  return server;
}

/** Installs the extension folder as a symlink in the run's extensions folder (for --open). */
function linkExtension(run, extensionDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  fs.symlinkSync(extensionDir, path.join(run.extensionsDir, `${id}-${manifest.version}`), 'dir');
  return id;
}

/** Installs a packaged extension into the run's extensions folder with code-server's own installer. */
function installVsix(run, vsix) {
  const args = [CODE_SERVER, '--extensions-dir', run.extensionsDir, '--user-data-dir', run.userDataDir, '--install-extension', vsix];
  const result = spawnSync(NODE24, args, { env: isolatedEnv(run), encoding: 'utf8', timeout: 120000 });
  fs.appendFileSync(run.serverLog, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status !== 0) throw new HarnessError(`installing ${vsix} failed (exit code ${result.status}); see ${run.serverLog}`);
}

/**
 * The extension development path of a --vsix run. VS Code runs a test suite only in a window that has
 * one, so it gets an empty extension (a manifest, no code) and the extension under test stays the
 * installed package. The suite is outside both, so the server-side (remote) extension host runs it.
 */
function createPlaceholderExtension(run) {
  const dir = path.join(run.dir, 'vsix-test-host');
  const manifest = { name: 'vsix-test-host', publisher: 'paper-study-tests', version: '0.0.0', engines: { vscode: '*' } };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Environment that keeps code-server's and chromium's state, caches and sockets inside the run folder. */
function isolatedEnv(run) {
  const xdg = (name) => path.join(run.xdgDir, name);
  return {
    ...process.env,
    PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`,
    TMPDIR: run.tmpDir,
    XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data'), XDG_CACHE_HOME: xdg('cache'), XDG_STATE_HOME: xdg('state'),
  };
}

async function waitForServer(baseUrl, server, run, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new HarnessError(`code-server exited (code ${server.exitCode}); see ${run.serverLog}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(POLL_MS);
  }
  throw new HarnessError(`code-server did not answer within ${timeoutMs / 1000}s; see ${run.serverLog}`);
}

/** Stops a detached child and everything in its process group (SIGTERM, then SIGKILL). */
async function stopProcessGroup(child) {
  if (!signalGroup(child.pid, 'SIGTERM')) return;
  for (let waited = 0; waited < 5000; waited += POLL_MS) {
    await sleep(POLL_MS);
    if (!signalGroup(child.pid, 0)) return;
  }
  signalGroup(child.pid, 'SIGKILL');
}

/** Sends a signal to a process group; false when the group no longer exists. */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- the workbench URL

/** The workbench URL with the test payload (the contract of VS Code's web test runner). */
function testWorkbenchUrl(port, { workspace, extension, suite, environment }) {
  const remote = (file) => `vscode-remote://127.0.0.1:${port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extension)],
    ['extensionTestsPath', remote(suite)],
    ['extensionEnvironment', JSON.stringify(environment)],
    ['skipWelcome', 'true'],
  ];
  const query = `folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return `http://127.0.0.1:${port}/?${query}`;
}

/**
 * Environment of the extension host: TEST_RESULTS, the screenshot seam, every PAPER_STUDY_* variable,
 * and PAPER_STUDY_VSIX (the installed package's file name) in --vsix mode, whose screenshots go to a
 * folder of their own.
 */
function extensionEnvironment(run, vsix) {
  const forwarded = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('PAPER_STUDY_')));
  return {
    ...forwarded,
    ...(vsix ? { PAPER_STUDY_VSIX: path.basename(vsix) } : {}),
    TEST_RESULTS: run.resultsFile,
    PAPER_STUDY_SCREENSHOT_REQUEST: run.screenshotRequest,
    PAPER_STUDY_SCREENSHOT_DIR: path.resolve(process.env.PAPER_STUDY_SCREENSHOT_DIR || (vsix ? path.join(DEFAULTS.screenshotDir, 'vsix') : DEFAULTS.screenshotDir)),
  };
}

// ---------------------------------------------------------------- the browser

/** A log that keeps every line in a file and prints test output (everything with verbose). */
function createLog(file, verbose) {
  const stream = fs.createWriteStream(file, { flags: 'a' });
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  return {
    /** A harness milestone, always printed. */
    step(text) {
      stream.write(`[harness] ${text}\n`);
      console.log(`[${elapsed()}] ${text}`);
    },
    /** A workbench line: printed unless it is noise (`fileOnly`: never printed). */
    workbench(text, { fileOnly = false } = {}) {
      stream.write(`${text}\n`);
      if (!fileOnly && (verbose || !NOISE.test(text))) console.log(text);
    },
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}

async function launchBrowser(run) {
  const { chromium } = loadPlaywright();
  return chromium.launchPersistentContext(run.chromeProfile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 850 },
    env: isolatedEnv(run),
  });
}

/** Exposes the hooks VS Code calls in test mode; `exited` resolves with the suite's exit code. */
async function exposeAutomationHooks(context, log) {
  let resolveExit;
  const exited = new Promise((resolve) => { resolveExit = resolve; });
  await context.exposeFunction('codeAutomationLog', (_type, args) => log.workbench(util.format(...(args || []))));
  await context.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  return { exited };
}

/** Keeps the page's own console in the log file (codeAutomationLog already prints what matters). */
function forwardPageEvents(page, log) {
  page.on('console', (message) => log.workbench(`[browser ${message.type()}] ${message.text()}`, { fileOnly: true }));
  page.on('pageerror', (error) => log.workbench(`[page error] ${error.message}`, { fileOnly: true }));
}

// ---------------------------------------------------------------- screenshots

/**
 * The screenshot seam: the suite writes {path, selectorToWaitFor?} to the request file (atomically) and
 * waits for `path` to appear (or `path.error`). Returns a function that stops the polling.
 */
function serveScreenshotRequests(page, requestFile, log) {
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || !fs.existsSync(requestFile)) return;
    busy = true;
    try {
      await answerScreenshotRequest(page, requestFile, log);
    } finally {
      busy = false;
    }
  }, POLL_MS);
  return () => clearInterval(timer);
}

async function answerScreenshotRequest(page, requestFile, log) {
  let request;
  try {
    request = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
  } catch (error) {
    log.step(`unreadable screenshot request: ${error.message}`);
    return;
  } finally {
    fs.rmSync(requestFile, { force: true });
  }
  try {
    if (request.selectorToWaitFor) await page.waitForSelector(request.selectorToWaitFor, { state: 'visible', timeout: 15000 });
    await saveScreenshot(page, request.path);
    log.step(`screenshot: ${path.relative(process.cwd(), request.path)}`);
  } catch (error) {
    fs.writeFileSync(`${request.path}.error`, error.message);
  }
}

/** Writes the PNG under a temporary name first, so that a waiting reader never sees half a file. */
async function saveScreenshot(page, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(`${file}.error`, { force: true });
  fs.writeFileSync(`${file}.part`, await page.screenshot());
  fs.renameSync(`${file}.part`, file);
}

// ---------------------------------------------------------------- results

function readResults(file) {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Prints the failures; returns whether the run passed and the closing `N passed, N failed` line
 * (undefined when the suite wrote no results).
 */
function reportResults(results, hostExitCode) {
  if (!results) {
    console.log(`FAILED: the suite wrote no results (extension host exit code ${hostExitCode}); see the log above`);
    return { passed: false, summary: undefined };
  }
  for (const { title, error } of results.failures) console.log(`FAILED: ${title}: ${error.split('\n')[0]}`);
  if (results.passed + results.failed === 0) console.log('FAILED: no tests were run');
  return {
    passed: hostExitCode === 0 && results.failed === 0 && results.passed > 0,
    summary: `${results.passed} passed, ${results.failed} failed`,
  };
}

// ---------------------------------------------------------------- the two modes

/** Runs the suite in the workbench; resolves with the outcome of reportResults. */
async function runSuite(options, run, cleanups) {
  const log = createLog(run.workbenchLog, options.verbose);
  cleanups.push(() => log.close());
  if (options.vsix) {
    installVsix(run, options.vsix);
    log.step(`installed ${path.relative(process.cwd(), options.vsix)}`);
  }
  const port = await freePort();
  const server = startCodeServer(run, port, { testMode: true });
  cleanups.push(() => stopProcessGroup(server));
  await waitForServer(`http://127.0.0.1:${port}`, server, run, 60000);
  log.step(`code-server up on port ${port}; run folder ${path.relative(process.cwd(), run.dir)}`);

  const context = await launchBrowser(run);
  cleanups.push(() => context.close().catch(() => {}));
  const { exited } = await exposeAutomationHooks(context, log);
  const page = context.pages()[0] ?? await context.newPage();
  forwardPageEvents(page, log);
  cleanups.push(serveScreenshotRequests(page, run.screenshotRequest, log));

  const workspace = copyWorkspace(run, options.workspace);
  const extension = options.vsix ? createPlaceholderExtension(run) : options.extension;
  const url = testWorkbenchUrl(port, { ...options, extension, workspace, environment: extensionEnvironment(run, options.vsix) });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  log.step('workbench loaded; the suite runs in the extension host');
  const hostExitCode = await exited;
  log.step(`extension host finished (exit code ${hostExitCode})`);
  if (options.screenshot) {
    await saveScreenshot(page, options.screenshot);
    log.step(`screenshot: ${path.relative(process.cwd(), options.screenshot)}`);
  }
  return reportResults(readResults(run.resultsFile), hostExitCode);
}

/** Serves the workbench with the extension installed until Ctrl-C; never resolves. */
async function openWorkbench(options, run, cleanups) {
  const id = linkExtension(run, options.extension);
  const port = options.port || await freePort();
  const server = startCodeServer(run, port, { testMode: false });
  cleanups.push(() => stopProcessGroup(server));
  await waitForServer(`http://127.0.0.1:${port}`, server, run, 60000);
  console.log(`VS Code (code-server) with ${id} from ${options.extension} installed. Open:`);
  console.log(`  http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}`);
  console.log('After rebuilding (npm run build), reload the window (command "Developer: Reload Window"). Ctrl-C stops.');
  return new Promise(() => {});
}

// ---------------------------------------------------------------- main

/** Rejects after the given time; the timer does not keep the process alive. */
function timeoutAfter(seconds) {
  return new Promise((_, reject) => {
    const fail = () => reject(new HarnessError(`timed out after ${seconds}s (raise it with --timeout)`));
    setTimeout(fail, seconds * 1000).unref();
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function runCleanups(cleanups) {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  checkPrerequisites(options);
  const run = createRun();
  const cleanups = [];
  const stop = () => runCleanups(cleanups).finally(() => { removeRun(run); process.exit(130); });
  process.once('SIGINT', stop).once('SIGTERM', stop);
  let outcome = { passed: false, summary: undefined };
  try {
    outcome = options.open
      ? await openWorkbench(options, run, cleanups)
      : await Promise.race([runSuite(options, run, cleanups), timeoutAfter(options.timeoutSeconds)]);
  } finally {
    await runCleanups(cleanups);
    if (outcome.passed && !options.keep) removeRun(run);
    else console.log(`run folder kept: ${path.relative(process.cwd(), run.dir)}`);
  }
  if (outcome.summary) console.log(outcome.summary);
  return outcome.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof HarnessError ? `error: ${error.message}` : error);
    process.exit(error instanceof HarnessError ? 2 : 3);
  },
);
