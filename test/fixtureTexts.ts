// The texts of the test fixtures: the founding document, the notes fixture and the corpus copy.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const fixturesDir = path.join(__dirname, 'fixtures');

/** A fixture's text, by its name in test/fixtures. */
export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(fixturesDir, name), 'utf8');
}

/** Every Markdown file of test/fixtures/corpora (the README too), sorted by content. */
export function corpusTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p); else if (e.name.endsWith('.md')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(fixturesDir, 'corpora'));
  return out.sort();
}
