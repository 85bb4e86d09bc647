// Exclude patterns for `workspace.findFiles`, which takes only one: several patterns are joined into
// one `{a,b}` group, and since groups do not nest, braces inside a pattern are expanded first.

/** `**\/*.{md,txt}` → `**\/*.md`, `**\/*.txt` (every brace group, left to right; no nesting needed). */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  const close = open < 0 ? -1 : pattern.indexOf('}', open);
  if (open < 0 || close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  return pattern.slice(open + 1, close).split(',')
    .flatMap((alternative) => expandBraces(head + alternative + tail));
}

/** One exclude pattern matching any of `patterns`, or undefined when there is none. */
export function combineGlobs(patterns: readonly string[]): string | undefined {
  const all = [...new Set(patterns.map((p) => p.trim()).filter(Boolean).flatMap(expandBraces))];
  if (all.length === 0) return undefined;
  return all.length === 1 ? all[0] : `{${all.join(',')}}`;
}

