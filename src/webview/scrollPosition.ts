// The page's scroll position as a source line: the first block (with a `data-line`) that is not
// hidden under the sticky header; and scrolling back to a line.

function blocks(content: HTMLElement): HTMLElement[] {
  return [...content.querySelectorAll<HTMLElement>('[data-line]:not(mark)')];
}

/** The rendered line at the top of the page, or undefined when nothing is rendered. */
export function topRenderedLine(content: HTMLElement, headerHeight: number): number | undefined {
  for (const el of blocks(content)) {
    if (el.getBoundingClientRect().bottom > headerHeight + 1) return Number(el.dataset.line);
  }
  return undefined;
}

/** Scrolls so that the last block starting at or before `line` is just below the header. */
export function scrollToRenderedLine(content: HTMLElement, line: number, headerHeight: number): void {
  let target: HTMLElement | undefined;
  for (const el of blocks(content)) {
    if (Number(el.dataset.line) <= line) target = el;
    else break;
  }
  if (!target) { window.scrollTo(0, 0); return; }
  window.scrollTo(0, Math.max(0, target.getBoundingClientRect().top + window.scrollY - headerHeight));
}
