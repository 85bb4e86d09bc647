// A text edit in the core's terms: replace [start, end) of a text with newText. Offsets are UTF-16
// indexes into the exact text, as everywhere in the core; adapters turn them into editor ranges.

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** The text after the edit. */
export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

/** Where `offset` of `before` is in `after`: the same place when the texts differ only in a region
 *  strictly before or after it (their common prefix and suffix); undefined when the change touches
 *  it, even at its edge (text typed right there, or the text before it deleted). A position
 *  computed for an older text is never used on a newer one without this. */
export function mapOffset(before: string, after: string, offset: number): number | undefined {
  if (before === after) return offset;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (offset < prefix) return offset;
  if (offset > before.length - suffix) return offset + after.length - before.length;
  return undefined;
}
