// Makes the rendered critique marks interactive: each highlighted sentence (one or more <mark>
// pieces sharing a `data-sentence`) can be focused, and gets an "add a note" button after its
// last piece; hovering or focusing any piece highlights the whole sentence and shows its button.
import type { StudyStrings } from '../shared/messages';
import { format } from './format';

export function sentencePieces(root: ParentNode, sentence: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`mark.ps-mark[data-sentence="${CSS.escape(sentence)}"]`)];
}

export function decorateMarks(content: HTMLElement, strings: StudyStrings): void {
  const last = new Map<string, HTMLElement>();
  for (const mark of content.querySelectorAll<HTMLElement>('mark.ps-mark[data-sentence]')) {
    const id = mark.dataset.sentence!;
    if (!last.has(id)) {
      mark.tabIndex = 0;
      mark.title = `${mark.title}\n${strings.reveal}`;
    }
    last.set(id, mark);
  }
  for (const [id, mark] of last) {
    const kind = mark.dataset.kind ?? 'note';
    const label = format(strings.addNote, (strings.kinds[kind as keyof StudyStrings['kinds']] ?? kind).toLocaleLowerCase());
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `ps-add-note ps-kind-${kind}`;
    button.dataset.sentence = id;
    button.dataset.kind = kind;
    button.title = label;
    button.setAttribute('aria-label', label);
    mark.after(button);
  }
}

/** Marks every piece of the sentence under `target` (and its button) as hovered, or none. */
export function setHovered(content: HTMLElement, target: Element | null): void {
  const id = target?.closest<HTMLElement>('[data-sentence]')?.dataset.sentence;
  for (const el of content.querySelectorAll('.ps-hover')) {
    if ((el as HTMLElement).dataset.sentence !== id) el.classList.remove('ps-hover');
  }
  if (id === undefined) return;
  for (const el of content.querySelectorAll<HTMLElement>(`[data-sentence="${CSS.escape(id)}"]`)) el.classList.add('ps-hover');
}
