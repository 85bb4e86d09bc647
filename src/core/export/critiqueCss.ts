// The stylesheet of critique marks, callouts, the legend and the digest: the one source of truth.
// HTML export inlines it; media/critique.css is a copy for the study panel and VS Code's preview
// (test/unit/export.test.ts fails when the copy drifts; `UPDATE_GOLDEN=1` rewrites it).
// Colours follow VS Code's theme classes (body.vscode-light/-dark/-high-contrast) and, outside
// VS Code, the reader's `prefers-color-scheme`.

export const CRITIQUE_CSS = `/* Paper Study: critique marks and callouts. Generated from src/core/export/critiqueCss.ts. */
:root {
  --ps-strength: #1a7f37; --ps-strength-bg: rgba(46, 160, 67, 0.16);
  --ps-weakness: #cf222e; --ps-weakness-bg: rgba(248, 81, 73, 0.16);
  --ps-question: #0969da; --ps-question-bg: rgba(56, 139, 253, 0.16);
  --ps-idea: #8250df; --ps-idea-bg: rgba(163, 113, 247, 0.16);
  --ps-note: #57606a; --ps-note-bg: rgba(110, 118, 129, 0.14);
}
@media (prefers-color-scheme: dark) {
  :root {
    --ps-strength: #3fb950; --ps-strength-bg: rgba(46, 160, 67, 0.26);
    --ps-weakness: #f85149; --ps-weakness-bg: rgba(248, 81, 73, 0.26);
    --ps-question: #58a6ff; --ps-question-bg: rgba(56, 139, 253, 0.26);
    --ps-idea: #a371f7; --ps-idea-bg: rgba(163, 113, 247, 0.26);
    --ps-note: #8b949e; --ps-note-bg: rgba(110, 118, 129, 0.26);
  }
}
body.vscode-light {
  --ps-strength: #1a7f37; --ps-strength-bg: rgba(46, 160, 67, 0.16);
  --ps-weakness: #cf222e; --ps-weakness-bg: rgba(248, 81, 73, 0.16);
  --ps-question: #0969da; --ps-question-bg: rgba(56, 139, 253, 0.16);
  --ps-idea: #8250df; --ps-idea-bg: rgba(163, 113, 247, 0.16);
  --ps-note: #57606a; --ps-note-bg: rgba(110, 118, 129, 0.14);
}
body.vscode-dark, body.vscode-high-contrast:not(.vscode-high-contrast-light) {
  --ps-strength: #3fb950; --ps-strength-bg: rgba(46, 160, 67, 0.26);
  --ps-weakness: #f85149; --ps-weakness-bg: rgba(248, 81, 73, 0.26);
  --ps-question: #58a6ff; --ps-question-bg: rgba(56, 139, 253, 0.26);
  --ps-idea: #a371f7; --ps-idea-bg: rgba(163, 113, 247, 0.26);
  --ps-note: #8b949e; --ps-note-bg: rgba(110, 118, 129, 0.26);
}
.ps-kind-strength { --ps-fg: var(--ps-strength); --ps-bg: var(--ps-strength-bg); }
.ps-kind-weakness { --ps-fg: var(--ps-weakness); --ps-bg: var(--ps-weakness-bg); }
.ps-kind-question { --ps-fg: var(--ps-question); --ps-bg: var(--ps-question-bg); }
.ps-kind-idea { --ps-fg: var(--ps-idea); --ps-bg: var(--ps-idea-bg); }
.ps-kind-note { --ps-fg: var(--ps-note); --ps-bg: var(--ps-note-bg); }

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
