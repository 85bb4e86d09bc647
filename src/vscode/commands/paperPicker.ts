// A quick pick of papers: those of one document, or of every summary file in the workspace.
import * as vscode from 'vscode';
import { countsOf } from '../../core/indexer';
import type { DocumentIndex } from '../../core/model';
import { describeCounts } from '../critiqueStyle';
import type { PickItem, Prompts } from '../prompts';
import { uriKey } from '../uriPaths';

export interface PaperChoice {
  readonly uri: vscode.Uri;
  readonly paperIndex: number;
}

export function paperItems(uri: vscode.Uri, index: DocumentIndex, withFile: boolean): PickItem<PaperChoice>[] {
  return index.papers.map((paper, paperIndex) => ({
    id: `${uriKey(uri)}#${paperIndex}`,
    label: paper.title,
    description: [withFile ? vscode.workspace.asRelativePath(uri) : undefined, describeCounts(countsOf(index, paperIndex))].filter(Boolean).join(' · '),
    value: { uri, paperIndex },
  }));
}

export async function pickPaper(prompts: Prompts, items: readonly PickItem<PaperChoice>[], title: string): Promise<PaperChoice | undefined> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No papers found. Add a heading with the paper\'s title first.'));
    return undefined;
  }
  return (await prompts.pick(items, { title, placeHolder: vscode.l10n.t('Choose a paper') }))?.value;
}
