// The stylesheet of critique marks, callouts, the legend and the digest: the one source of truth.
// HTML export inlines it; media/critique.css is a copy for the study panel and VS Code's preview
// (test/unit/export.test.ts fails when the copy drifts; `UPDATE_GOLDEN=1` rewrites it).
// Colours follow VS Code's theme classes (body.vscode-light/-dark/-high-contrast) and, outside
// VS Code, the reader's `prefers-color-scheme`.

/** Each kind's colour and background, in light and in dark themes. */
const PALETTES = {
  light: [['strength', '#1a7f37', 'rgba(46, 160, 67, 0.16)'], ['weakness', '#cf222e', 'rgba(248, 81, 73, 0.16)'],
    ['question', '#0969da', 'rgba(56, 139, 253, 0.16)'], ['idea', '#8250df', 'rgba(163, 113, 247, 0.16)'], ['note', '#57606a', 'rgba(110, 118, 129, 0.14)']],
  dark: [['strength', '#3fb950', 'rgba(46, 160, 67, 0.26)'], ['weakness', '#f85149', 'rgba(248, 81, 73, 0.26)'],
    ['question', '#58a6ff', 'rgba(56, 139, 253, 0.26)'], ['idea', '#a371f7', 'rgba(163, 113, 247, 0.26)'], ['note', '#8b949e', 'rgba(110, 118, 129, 0.26)']],
} as const;

/** A palette's custom properties, a line a kind, indented by `indent`. */
function palette(name: keyof typeof PALETTES, indent: string): string {
  return PALETTES[name].map(([kind, fg, bg]) => `${indent}--ps-${kind}: ${fg}; --ps-${kind}-bg: ${bg};\n`).join('');
}

/** The rule giving each kind's marks and callouts its colours. */
const KIND_RULES = PALETTES.light.map(([kind]) => `.ps-kind-${kind} { --ps-fg: var(--ps-${kind}); --ps-bg: var(--ps-${kind}-bg); }\n`).join('');

export const CRITIQUE_CSS = `/* Paper Study: critique marks and callouts. Generated from src/core/export/critiqueCss.ts. */
:root {
${palette('light', '  ')}}
@media (prefers-color-scheme: dark) {
  :root {
${palette('dark', '    ')}  }
}
body.vscode-light {
${palette('light', '  ')}}
body.vscode-dark, body.vscode-high-contrast:not(.vscode-high-contrast-light) {
${palette('dark', '  ')}}
${KIND_RULES}
mark.ps-mark {
  color: inherit;
  background: var(--ps-bg);
  border-bottom: 2px solid var(--ps-fg);
  border-radius: 2px;
  padding: 0 0.05em;
}
.ps-callout {
  margin: 1em 0;
  padding: 0.5em 1em;
  border-left: 4px solid var(--ps-fg);
  border-radius: 4px;
  background: var(--ps-bg);
}
.ps-callout-title { font-weight: 600; }
.ps-callout-label { color: var(--ps-fg); }
.ps-callout-label::after { content: ":"; }
.ps-callout-title > .ps-callout-label:last-child::after { content: ""; }
.ps-callout-body > :first-child { margin-top: 0.4em; }
.ps-callout-body > :last-child { margin-bottom: 0; }
.ps-callout-quote {
  margin: 0.5em 0;
  padding: 0 0.8em;
  border-left: 3px solid var(--ps-fg);
  font-style: italic;
  opacity: 0.9;
}
body.vscode-high-contrast mark.ps-mark, body.vscode-high-contrast .ps-callout { background: transparent; }
body.vscode-high-contrast mark.ps-mark { outline: 1px dashed var(--ps-fg); border-bottom-style: solid; }

.ps-legend { display: flex; flex-wrap: wrap; gap: 0.4em 1em; align-items: center; margin: 0 0 1.5em; padding: 0; list-style: none; }
.ps-legend > li { margin: 0; }
.ps-digest { margin: 1.5em 0 2.5em; padding-top: 0.5em; border-top: 1px solid rgba(128, 128, 128, 0.35); }
.ps-digest ul { padding-left: 1.2em; }
.ps-digest-line { font-size: 0.85em; opacity: 0.8; white-space: nowrap; }
.ps-digest-none { font-style: italic; opacity: 0.8; }

@media print {
  mark.ps-mark, .ps-callout { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .ps-callout, .ps-digest li { break-inside: avoid; }
  .ps-digest { break-before: auto; }
}
`;
