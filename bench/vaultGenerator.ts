// Generates a vault of summaries from real material (the corpora and the sample), deterministically:
// one-paper files (some with front matter, critique sections and callout notes), collection files
// (several papers under one heading) and short notes, with words varied so that files differ.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom as random } from '../test/seededRandom';

export interface VaultFile {
  /** Path relative to the vault folder. */
  readonly name: string;
  readonly text: string;
}

/** Material to draw from: whole one-paper summaries and single paper sections of a collection. */
export interface Material {
  readonly summaries: readonly string[];
  readonly papers: readonly string[];
}

/** Cuts a collection (the sample) into its papers: each `###` heading with its body. */
export function papersOf(collection: string): string[] {
  return collection.split(/^(?=### )/m).filter((part) => part.startsWith('### '));
}

const SWAPS = ['model', 'network', 'method', 'encoder', 'detector', 'baseline', 'dataset', 'layer', 'policy', 'loss'];
const STRENGTHS = [
  'The ablations are thorough and easy to follow.', 'It is simple to implement and works surprisingly well.',
  'The paper is well written.', 'Strong results on every benchmark they try.',
];
const WEAKNESSES = [
  'They do not evaluate on larger datasets.', 'The comparison with prior work is unfair.',
  'I am not convinced the gains are significant.', 'It is hard to reproduce without the code.',
];
const QUESTIONS = ['Does it transfer to other domains?', 'I wonder how it scales with more data.'];

export function generateVault(material: Material, count: number, seed = 1): VaultFile[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  /** Replaces a few common words, so that no two files are the same text. */
  const vary = (text: string, k: number): string => text.replace(/\b(model|network|method)\b/g, (w) => (rand() < 0.3 ? SWAPS[(k + w.length) % SWAPS.length] : w));
  const files: VaultFile[] = [];
  for (let k = 0; k < count; k++) {
    const dir = `topic-${String(k % 40).padStart(2, '0')}`;
    const r = rand();
    let text: string;
    if (r < 0.55) text = onePaper(vary(pick(material.summaries), k), k, rand, pick);
    else if (r < 0.7) text = collection(material, k, rand, pick, vary);
    else text = shortNote(vary(pick(material.summaries), k), k);
    files.push({ name: `${dir}/summary-${String(k).padStart(5, '0')}.md`, text });
  }
  return files;
}

function onePaper(summary: string, k: number, rand: () => number, pick: <T>(list: readonly T[]) => T): string {
  const title = /^\s*\*\s+\*\*Title\*\*:\s*(.+)$/m.exec(summary)?.[1] ?? `Paper ${k}`;
  let text = summary;
  if (rand() < 0.35) {
    text = `---\ntitle: ${JSON.stringify(title)}\nauthors: [A. Author, B. Author]\nyear: ${2010 + (k % 14)}\ntags: [vault, t${k % 9}]\n---\n\n${text}`;
  }
  if (rand() < 0.5) {
    text += `\n\n## Strengths\n\n- ${pick(STRENGTHS)}\n- ${pick(STRENGTHS)}\n\n## Weaknesses\n\n- ${pick(WEAKNESSES)}\n\n## Questions\n\n- ${pick(QUESTIONS)}\n`;
  }
  if (rand() < 0.25) {
    text += `\n> [!weakness] ${pick(WEAKNESSES)}\n> > ${pick(WEAKNESSES)}\n>\n> Noted while reading file ${k}.\n\n> [!idea] Try it on video\n`;
  }
  return text;
}

function collection(
  material: Material, k: number, rand: () => number, pick: <T>(list: readonly T[]) => T, vary: (text: string, k: number) => string,
): string {
  const parts = [`# Reading notes ${k}\n## By the reading group\n`];
  const n = 2 + Math.floor(rand() * 2);
  for (let j = 0; j < n; j++) {
    if (rand() < 0.6) parts.push(vary(pick(material.papers), k + j));
    else {
      // A one-paper summary demoted into the collection: its headings one level deeper.
      const body = vary(pick(material.summaries), k + j).replace(/^# Paper\s*$/m, '').replace(/^(#{1,4}) /gm, '#$1 ');
      const title = /\*\*Title\*\*:\s*(.+)$/m.exec(body)?.[1] ?? `Paper ${k}.${j}`;
      parts.push(`### ${title}\n${body}`);
    }
  }
  return parts.join('\n\n');
}

function shortNote(summary: string, k: number): string {
  const paragraphs = summary.split(/\n\s*\n/);
  return `# Note ${k}\n\n${paragraphs.slice(0, 3 + (k % 5)).join('\n\n')}\n`;
}

/** Writes the files under `dir` (created). */
export function writeVault(dir: string, files: readonly VaultFile[]): void {
  for (const f of files) {
    const file = path.join(dir, f.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.text);
  }
}

/** Every Markdown file under `dir`, in path order. */
export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}
