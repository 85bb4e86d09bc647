// Command and view identifiers, as contributed in package.json.
import type { CritiqueKind } from '../core/model';

export const VIEW_ID = 'paperStudy.papers';
/** The study panel's webview type (`onWebviewPanel:` activation, serializer). */
export const STUDY_PANEL_VIEW_TYPE = 'paperStudy.studyPanel';

export const CommandIds = {
  insertStrength: 'paperStudy.insertStrength',
  insertWeakness: 'paperStudy.insertWeakness',
  insertQuestion: 'paperStudy.insertQuestion',
  insertIdea: 'paperStudy.insertIdea',
  insertNote: 'paperStudy.insertNote',
  newPaper: 'paperStudy.newPaper',
  export: 'paperStudy.export',
  exportPaper: 'paperStudy.exportPaper',
  refresh: 'paperStudy.refresh',
  filter: 'paperStudy.filter',
  clearFilter: 'paperStudy.clearFilter',
  revealPaper: 'paperStudy.revealPaper',
  openLocation: 'paperStudy.openLocation',
  openSample: 'paperStudy.openSample',
  createSummaryFile: 'paperStudy.createSummaryFile',
  testGetTreeSnapshot: 'paperStudy._test.getTreeSnapshot',
  testSetPrompts: 'paperStudy._test.setPrompts',
  testGetTreeEvents: 'paperStudy._test.getTreeEvents',
  testInterleaveEdits: 'paperStudy._test.interleaveEdits',
  openStudyPanel: 'paperStudy.openStudyPanel',
  toggleDecorations: 'paperStudy.toggleDecorations',
  testGetStudyPanelState: 'paperStudy._test.getStudyPanelState',
  testStudyPanelAction: 'paperStudy._test.studyPanelAction',
  testReviveStudyPanel: 'paperStudy._test.reviveStudyPanel',
  testGetDecorations: 'paperStudy._test.getDecorations',
} as const;

/** The insert command of a critique kind (`paperStudy.insertWeakness`). */
export function insertNoteCommandId(kind: CritiqueKind): string {
  return `paperStudy.insert${kind[0].toUpperCase()}${kind.slice(1)}`;
}

/** Context keys used in `when` clauses. */
export const ContextKeys = {
  scanned: 'paperStudy.scanned',
  hasSummaries: 'paperStudy.hasSummaries',
  filterActive: 'paperStudy.filterActive',
} as const;
