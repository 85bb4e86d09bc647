// Obsidian: notes stay callouts as written; each highlighted sentence is wrapped in `==…==`, piece by
// piece where it crosses a line break, emphasis, a link or a code span (see highlightPieces.ts).

import type { MarkdownFlavour, SourceContext } from './annotateMarkdown';
import { PieceFinder } from './highlightPieces';

/** A flavour with its own line-scan cache: one per export. */
export function obsidianFlavour(): MarkdownFlavour {
  let finder: PieceFinder | undefined;
  const finderFor = (source: SourceContext) => (finder ??= new PieceFinder(source.text, source.lines));
  return {
    noteHead: () => undefined,
    sentence: (s, source) => finderFor(source).pieces(s.start, s.end).flatMap(([a, b]) => [
      { start: a, end: a, insert: '==' },
      { start: b, end: b, insert: '==' },
    ]),
  };
}
