// The legend: one toggle button per critique kind, with the kind's colour and count.
import type { CritiqueKind } from '../core/model';
import type { StudyView } from '../shared/messages';
import { format } from './format';

export function renderLegend(list: HTMLElement, view: StudyView, hidden: ReadonlySet<CritiqueKind>): void {
  list.setAttribute('aria-label', view.strings.legend);
  list.replaceChildren(...view.legend.map((entry) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `ps-toggle ps-kind-${entry.kind}`;
    button.dataset.kind = entry.kind;
    button.title = format(view.strings.toggle, entry.label);
    button.setAttribute('aria-pressed', String(!hidden.has(entry.kind)));
    const swatch = document.createElement('span');
    swatch.className = 'ps-swatch';
    const label = document.createElement('span');
    label.className = 'ps-toggle-label';
    label.textContent = entry.label;
    const count = document.createElement('span');
    count.className = 'ps-count';
    count.textContent = String(entry.count);
    button.append(swatch, label, count);
    item.append(button);
    return item;
  }));
}

/** Shows which kinds are on, on the buttons and as `ps-hide-<kind>` classes of `root`. */
export function applyHiddenKinds(root: HTMLElement, list: HTMLElement, hidden: ReadonlySet<CritiqueKind>): void {
  for (const button of list.querySelectorAll<HTMLButtonElement>('button.ps-toggle')) {
    const kind = button.dataset.kind as CritiqueKind;
    button.setAttribute('aria-pressed', String(!hidden.has(kind)));
    root.classList.toggle(`ps-hide-${kind}`, hidden.has(kind));
  }
}
