// Insert Strength / Weakness / Question / Idea / Note: a structured note (a callout) whose title and
// body are snippet placeholders; with a selection (or a sentence picked in the tree) it quotes it.
// The note's text and place come from the core; this command only turns them into an editor edit.
import * as vscode from 'vscode';
import type { CritiqueKind } from '../../core/model';
import { noteForSelection, noteInsertionEdit } from '../../core/noteInsertion';
import type { NoteSpec } from '../../core/notes';
import { kindLabel } from '../critiqueStyle';
import { applyLiveEdit, EditError, type EditPlan, type LiveEditHooks } from '../liveEdit';
import { isPapersNode, type PapersNode } from '../papersNodes';
import { piecesFromMarkers } from '../snippetPieces';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { Command } from './command';
import type { NoteLocationOptions, NoteTargetResolver } from './noteTarget';

/** Programmatic arguments: where (see `NoteLocationOptions`) and the placeholders' initial text. */
export interface InsertNoteOptions extends NoteLocationOptions {
  readonly title?: string;
  readonly body?: string;
}

// Stand-ins for the title and body in the core's text, replaced by snippet placeholders.
const TITLE_MARKER = 'PaperStudyTitleMarker0';
const BODY_MARKER = 'PaperStudyBodyMarker0';

function singleLine(s: string): boolean {
  return !/[\r\n]/.test(s);
}

/** The edit for `spec` in `text`, with its title and body as placeholders when they are one line each. */
export function notePlan(text: string, target: Parameters<typeof noteInsertionEdit>[1], spec: NoteSpec): EditPlan {
  if (singleLine(spec.title) && singleLine(spec.body) && !text.includes(TITLE_MARKER) && !spec.quote?.includes(TITLE_MARKER)) {
    const marked = noteInsertionEdit(text, target, { ...spec, title: TITLE_MARKER, body: BODY_MARKER });
    const pieces = piecesFromMarkers(marked.newText, [
      { marker: TITLE_MARKER, placeholder: spec.title, tabstop: 1 },
      { marker: BODY_MARKER, placeholder: spec.body, tabstop: 2 },
    ]);
    if (pieces) return { start: marked.start, end: marked.end, pieces };
  }
  const plain = noteInsertionEdit(text, target, spec);
  return { start: plain.start, end: plain.end, pieces: [plain.newText] };
}

export class InsertNoteCommand implements Command {
  readonly id: string;

  constructor(
    private readonly kind: CritiqueKind, private readonly targets: NoteTargetResolver, private readonly index: WorkspaceIndex,
    private readonly hooks: LiveEditHooks = {},
  ) {
    this.id = `paperStudy.insert${kind[0].toUpperCase()}${kind.slice(1)}`;
  }

  async execute(arg?: unknown): Promise<boolean> {
    const options = (isPapersNode(arg) ? undefined : arg) as InsertNoteOptions | undefined;
    const where = await this.targets.resolve(isPapersNode(arg) ? arg as PapersNode : options, vscode.l10n.t('Add a {0} note to…', kindLabel(this.kind).toLocaleLowerCase()));
    if (!where) return false;
    const base: NoteSpec = where.quote ? noteForSelection(where.quote, this.kind) : { kind: this.kind, title: '', body: '' };
    const spec: NoteSpec = {
      ...base,
      title: options?.title ?? (base.title.trim() || vscode.l10n.t('Title')),
      body: options?.body ?? (base.body.trim() || vscode.l10n.t('Details')),
    };
    const applied = await applyLiveEdit(where.document, (text) => {
      const target = where.targetIn(text, this.index.indexText(text, where.document.uri));
      if (!target) {
        // The paper or the place was edited away while the note was being prepared.
        throw new EditError(vscode.l10n.t('{0} changed where the note was to go; nothing was inserted.', vscode.workspace.asRelativePath(where.document.uri)));
      }
      return notePlan(text, target, spec);
    }, this.hooks);
    return applied !== undefined;
  }
}
