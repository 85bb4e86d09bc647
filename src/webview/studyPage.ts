// The study panel's page: a header (title, source, legend with a toggle per kind) over the rendered
// text. It applies the views the host sends, keeps the scroll position, remembers the hidden kinds
// and the position with `setState`, turns clicks into messages, and reports what it shows.
import type { CritiqueKind } from '../core/model';
import { isCritiqueKind, isPersistedState, type InitialData, type SimulatedAction, type StudyTarget, type StudyView } from '../shared/messages';
import { applyHiddenKinds, renderLegend } from './legend';
import { measure } from './renderReport';
import { scrollToRenderedLine, topRenderedLine } from './scrollPosition';
import { decorateMarks, sentencePieces, setHovered } from './sentenceMarks';
import type { StudyVsCodeApi } from './vscodeApi';

type ScrollMode = 'restore' | 'keep' | 'top';

const SCROLL_SETTLE_MS = 150;

function sameTarget(a: StudyTarget, b: StudyTarget): boolean {
  return a.uri === b.uri && a.paper?.index === b.paper?.index;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  return el;
}

export class StudyPage {
  private view: StudyView;
  private readonly hidden: Set<CritiqueKind>;
  /** Source line at the top of the page. */
  private topLine: number | undefined;
  private readonly header = element('header', 'ps-header');
  private readonly title = element('h1', 'ps-title');
  private readonly source = element('div', 'ps-source');
  private readonly legend = element('ul', 'ps-legend');
  private readonly content = element('main', 'ps-content');
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement, private readonly api: StudyVsCodeApi, initial: InitialData) {
    const saved = api.getState();
    const persisted = isPersistedState(saved) ? saved : initial.persisted;
    this.hidden = new Set(persisted?.hiddenKinds ?? []);
    this.topLine = persisted && sameTarget(persisted.target, initial.view.target) ? persisted.topLine : undefined;
    this.view = initial.view;
    this.legend.setAttribute('role', 'toolbar');
    this.header.append(this.title, this.source, this.legend);
    root.replaceChildren(this.header, this.content);
    this.listen();
    this.show(initial.view, 'restore');
    api.postMessage({ type: 'ready', serial: initial.view.serial });
  }

  /** A new view from the host: same target, same place on the page. */
  update(view: StudyView): void {
    this.show(view, sameTarget(view.target, this.view.target) ? 'keep' : 'top');
  }

  simulate(simulated: SimulatedAction): void {
    switch (simulated.action) {
      case 'toggleKind':
        this.legend.querySelector<HTMLButtonElement>(`button.ps-toggle[data-kind="${simulated.kind}"]`)?.click();
        return;
      case 'clickSentence':
        sentencePieces(this.content, String(simulated.sentence))[0]?.click();
        return;
      case 'addNote':
        this.content.querySelector<HTMLButtonElement>(`button.ps-add-note[data-sentence="${simulated.sentence}"]`)?.click();
        return;
      case 'clickLink': {
        const link = [...this.content.querySelectorAll<HTMLAnchorElement>('a[href]')].find((a) => a.getAttribute('href') === simulated.href);
        // Without such a link the request goes out as is: the host must refuse what it should not open.
        if (link) link.click();
        else this.api.postMessage({ type: 'openLink', href: simulated.href });
        return;
      }
      case 'doubleClickLine': {
        const block = [...this.content.querySelectorAll<HTMLElement>('[data-line]:not(mark)')]
          .find((el) => Number(el.dataset.line) + this.view.lineOffset === simulated.line);
        block?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
        return;
      }
      case 'scrollToLine':
        scrollToRenderedLine(this.content, simulated.line - this.view.lineOffset, this.headerHeight());
        this.onScrolled();
        return;
    }
  }

  private show(view: StudyView, scroll: ScrollMode): void {
    const y = window.scrollY;
    this.view = view;
    document.title = view.title;
    this.title.textContent = view.title;
    this.source.textContent = view.source;
    renderLegend(this.legend, view, this.hidden);
    if (view.problem !== undefined) {
      const problem = element('p', 'ps-problem');
      problem.textContent = view.problem;
      this.content.replaceChildren(problem);
    } else {
      this.content.innerHTML = view.html; // rendered by the extension: raw HTML off, links checked
      decorateMarks(this.content, view.strings);
    }
    applyHiddenKinds(this.root, this.legend, this.hidden);
    if (scroll === 'keep') window.scrollTo(0, y);
    else if (scroll === 'restore' && this.topLine !== undefined) scrollToRenderedLine(this.content, this.topLine - view.lineOffset, this.headerHeight());
    else window.scrollTo(0, 0);
    this.topLine = this.currentTopLine();
    this.persist();
    this.report();
  }

  private headerHeight(): number {
    return this.header.getBoundingClientRect().height;
  }

  private currentTopLine(): number | undefined {
    const line = topRenderedLine(this.content, this.headerHeight());
    return line === undefined ? undefined : line + this.view.lineOffset;
  }

  private persist(): void {
    this.api.setState({ target: this.view.target, hiddenKinds: [...this.hidden], topLine: this.topLine });
  }

  private report(): void {
    this.api.postMessage({ type: 'rendered', report: measure(this.content, this.view, this.hidden, this.topLine) });
  }

  private toggle(kind: CritiqueKind): void {
    if (this.hidden.has(kind)) this.hidden.delete(kind); else this.hidden.add(kind);
    applyHiddenKinds(this.root, this.legend, this.hidden);
    this.persist();
    this.report();
  }

  private onScrolled(): void {
    this.topLine = this.currentTopLine();
    this.persist();
    this.report();
  }

  private listen(): void {
    this.root.addEventListener('click', (e) => this.onClick(e));
    // Middle clicks on links would otherwise reach VS Code's own link handling.
    this.root.addEventListener('auxclick', (e) => {
      if ((e.target as Element).closest('a[href]')) { e.preventDefault(); e.stopPropagation(); }
    });
    this.content.addEventListener('dblclick', (e) => {
      const block = (e.target as Element).closest<HTMLElement>('[data-line]:not(mark)');
      if (block) this.revealLine(block);
    });
    this.content.addEventListener('keydown', (e) => {
      const mark = (e.target as Element).closest<HTMLElement>('mark.ps-mark[data-sentence]');
      if (mark && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.api.postMessage({ type: 'revealSentence', sentence: Number(mark.dataset.sentence) });
      }
    });
    this.content.addEventListener('mouseover', (e) => setHovered(this.content, e.target as Element));
    this.content.addEventListener('mouseleave', () => setHovered(this.content, null));
    this.content.addEventListener('focusin', (e) => setHovered(this.content, e.target as Element));
    this.content.addEventListener('focusout', () => setHovered(this.content, null));
    window.addEventListener('scroll', () => {
      if (this.scrollTimer !== undefined) clearTimeout(this.scrollTimer);
      this.scrollTimer = setTimeout(() => { this.scrollTimer = undefined; this.onScrolled(); }, SCROLL_SETTLE_MS);
    }, { passive: true });
    // The theme changes the body's classes: report it (colours come from the theme's variables).
    new MutationObserver(() => this.report()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as Element;
    const toggle = target.closest<HTMLElement>('button.ps-toggle');
    if (toggle) {
      if (isCritiqueKind(toggle.dataset.kind)) this.toggle(toggle.dataset.kind);
      return;
    }
    const link = target.closest<HTMLAnchorElement>('a[href]');
    if (link) {
      // The extension decides what may open; VS Code's own link handling is kept out.
      e.preventDefault();
      e.stopPropagation();
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#')) this.scrollToAnchor(href.slice(1));
      else this.api.postMessage({ type: 'openLink', href });
      return;
    }
    const add = target.closest<HTMLElement>('button.ps-add-note[data-sentence]');
    if (add) {
      this.api.postMessage({ type: 'addNote', sentence: Number(add.dataset.sentence) });
      return;
    }
    const mark = target.closest<HTMLElement>('mark.ps-mark[data-sentence]');
    if (mark) {
      this.api.postMessage({ type: 'revealSentence', sentence: Number(mark.dataset.sentence) });
      return;
    }
    const calloutTitle = target.closest('.ps-callout-title');
    const callout = calloutTitle?.closest<HTMLElement>('.ps-callout[data-line]');
    if (callout) this.revealLine(callout);
  }

  private revealLine(block: HTMLElement): void {
    const line = Number(block.dataset.line);
    if (Number.isInteger(line) && line >= 1) this.api.postMessage({ type: 'revealLine', line: line + this.view.lineOffset });
  }

  private scrollToAnchor(id: string): void {
    let decoded = id;
    try { decoded = decodeURIComponent(id); } catch { /* keep it as written */ }
    const target = document.getElementById(decoded);
    if (target) window.scrollTo(0, Math.max(0, target.getBoundingClientRect().top + window.scrollY - this.headerHeight()));
  }
}
