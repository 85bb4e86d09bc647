// Characters that reorder or hide text (direction overrides and isolates, zero-width characters)
// shown as visible escapes wherever the tree shows a name from the workspace, so that a file named
// `invoice\u202Efdp.md` cannot pass for another name. Titles are already free of them (the core
// strips them); file names and note text are not, since they are shown as written.

const HIDDEN = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** `text` with every hiding character written as `<U+202E>`. */
export function showHidden(text: string): string {
  return text.replace(HIDDEN, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
