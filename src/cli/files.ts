// Finding and reading Markdown files for the CLI, with one clear message per unusable input.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodingProblem } from '../core/encoding';

export interface MarkdownFile {
  /** Path as the user can open it from the working directory. */
  readonly path: string;
  readonly text: string;
}

export interface ReadProblem {
  readonly path: string;
  readonly message: string;
}

/** The file-system calls made to find and read inputs. A seam: tests put faults in that the test
 *  user cannot cause for real (root reads through `chmod 000`). */
export interface FileSystem {
  stat(path: string): fs.Stats;
  readDir(path: string): fs.Dirent[];
  readFile(path: string): Uint8Array;
}

export const nodeFileSystem: FileSystem = {
  stat: (p) => fs.statSync(p),
  readDir: (p) => fs.readdirSync(p, { withFileTypes: true }),
  readFile: (p) => fs.readFileSync(p),
};

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.obsidian', '.trash', '.vscode-test']);

/** Expands files and folders into Markdown file paths. Folders are walked for `*.md` and
 *  `*.markdown`, skipping dependency and VCS folders and symlinked folders (no loops). */
export function expandPaths(inputs: readonly string[], problems: ReadProblem[], files = nodeFileSystem): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = files.stat(input);
    } catch (e) {
      problems.push({ path: input, message: describeFsError(e, 'no such file or folder') });
      continue;
    }
    if (st.isDirectory()) walk(input, out, problems, files);
    else out.push(input);
  }
  return out;
}

function walk(dir: string, out: string[], problems: ReadProblem[], files: FileSystem): void {
  let entries: fs.Dirent[];
  try {
    entries = files.readDir(dir);
  } catch (e) {
    problems.push({ path: dir, message: describeFsError(e, 'cannot read folder') });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) walk(p, out, problems, files);
    } else if (/\.(md|markdown)$/i.test(e.name)) {
      if (e.isFile()) out.push(p);
      else if (e.isSymbolicLink()) {
        try { if (files.stat(p).isFile()) out.push(p); } catch (err) { problems.push({ path: p, message: symlinkProblem(err) }); }
      }
    }
  }
}

/** Reads a file as UTF-8 text, refusing binaries, other encodings and files over the size limit. */
export function readMarkdown(file: string, maxBytes = DEFAULT_MAX_BYTES, files = nodeFileSystem): MarkdownFile | ReadProblem {
  let st: fs.Stats;
  try {
    st = files.stat(file);
  } catch (e) {
    return { path: file, message: describeFsError(e, 'cannot read file') };
  }
  if (!st.isFile()) return { path: file, message: 'not a file' };
  if (st.size > maxBytes) {
    return { path: file, message: `skipped: ${formatBytes(st.size)} is over the size limit of ${formatBytes(maxBytes)} (use --max-size)` };
  }
  let bytes: Uint8Array;
  try {
    bytes = files.readFile(file);
  } catch (e) {
    return { path: file, message: describeFsError(e, 'cannot read file') };
  }
  const problem = encodingProblem(bytes);
  if (problem) return { path: file, message: problem };
  return { path: file, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
}

export { encodingProblem };

function symlinkProblem(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code === 'ELOOP' ? 'symbolic link loop' : 'broken symbolic link';
}

function describeFsError(e: unknown, fallback: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'symbolic link loop';
    case 'EISDIR': return 'is a folder';
    default: return code ? `${fallback} (${code})` : fallback;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
