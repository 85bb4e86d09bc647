// How each critique kind looks in the editor: codicon, theme colour (contributed in package.json
// as `paperStudy.<kind>Foreground`) and labels.
import * as vscode from 'vscode';
import { CRITIQUE_KINDS, type CritiqueCounts, type CritiqueKind } from '../core/model';

const CODICONS: Record<CritiqueKind, string> = {
  strength: 'thumbsup',
  weakness: 'thumbsdown',
  question: 'question',
  idea: 'lightbulb',
  note: 'note',
};

export function kindIcon(kind: CritiqueKind): vscode.ThemeIcon {
  return new vscode.ThemeIcon(CODICONS[kind], new vscode.ThemeColor(`paperStudy.${kind}Foreground`));
}

/** "Strengths", "Weaknesses", … (group labels). */
export function kindGroupLabel(kind: CritiqueKind): string {
  switch (kind) {
    case 'strength': return vscode.l10n.t('Strengths');
    case 'weakness': return vscode.l10n.t('Weaknesses');
    case 'question': return vscode.l10n.t('Questions');
    case 'idea': return vscode.l10n.t('Ideas');
    case 'note': return vscode.l10n.t('Notes');
  }
}

/** "Strength", "Weakness", … (one item). */
export function kindLabel(kind: CritiqueKind): string {
  switch (kind) {
    case 'strength': return vscode.l10n.t('Strength');
    case 'weakness': return vscode.l10n.t('Weakness');
    case 'question': return vscode.l10n.t('Question');
    case 'idea': return vscode.l10n.t('Idea');
    case 'note': return vscode.l10n.t('Note');
  }
}

function countPhrase(kind: CritiqueKind, n: number): string {
  const one = n === 1;
  switch (kind) {
    case 'strength': return one ? vscode.l10n.t('1 strength') : vscode.l10n.t('{0} strengths', n);
    case 'weakness': return one ? vscode.l10n.t('1 weakness') : vscode.l10n.t('{0} weaknesses', n);
    case 'question': return one ? vscode.l10n.t('1 question') : vscode.l10n.t('{0} questions', n);
    case 'idea': return one ? vscode.l10n.t('1 idea') : vscode.l10n.t('{0} ideas', n);
    case 'note': return one ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', n);
  }
}

/** "2 strengths · 7 weaknesses" (kinds with no entry left out). */
export function describeCounts(counts: CritiqueCounts): string {
  return CRITIQUE_KINDS.filter((k) => counts[k] > 0).map((k) => countPhrase(k, counts[k])).join(' · ');
}
