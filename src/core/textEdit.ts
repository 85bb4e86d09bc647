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
