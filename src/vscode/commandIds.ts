// Command and view identifiers, as contributed in package.json.
export const VIEW_ID = 'paperStudy.papers';

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
} as const;

/** Context keys used in `when` clauses. */
export const ContextKeys = {
  scanned: 'paperStudy.scanned',
  hasSummaries: 'paperStudy.hasSummaries',
  filterActive: 'paperStudy.filterActive',
} as const;
