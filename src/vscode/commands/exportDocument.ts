// Export / Export Paper: asks the scope (this paper, this file, the workspace) and the flavour
// (github, obsidian, plain, html), where to save (beside the source by default), then writes the
// core's export with `workspace.fs` and opens it. It never overwrites without asking, never writes
// over a file that is open with unsaved changes, and a failed write leaves the old file intact.
import * as vscode from 'vscode';
import { EXPORT_FORMATS, exportDocument, type ExportFormat } from '../../core/export/index';
import type { DocumentIndex } from '../../core/model';
import { CommandIds } from '../commandIds';
import { EditError } from '../liveEdit';
import { defaultExportUri, exportExtension } from '../exportTargets';
import { openDocument, readFileText } from '../fileText';
import { fileOf, isPapersNode, paperOf } from '../papersNodes';
import type { PickItem, Prompts } from '../prompts';
import type { WorkspaceIndex } from '../workspaceIndex';
import { baseName, parentOf, relativePath, uriKey } from '../uriPaths';
import type { Command } from './command';
import { paperItems, pickPaper } from './paperPicker';

export type ExportScope = 'paper' | 'file' | 'workspace';

/** Programmatic arguments; whatever is missing is asked. */
export interface ExportOptions {
  readonly uri?: string;
  readonly paper?: number;
  readonly scope?: ExportScope;
  readonly format?: ExportFormat;
  /** The file to write (paper, file) or the folder to write into (workspace). */
  readonly target?: string;
}

interface Source {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly index: DocumentIndex;
}

const NO_LIMIT = Number.MAX_SAFE_INTEGER;
const encoder = new TextEncoder();

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function formatItems(): PickItem<ExportFormat>[] {
  const details: Record<ExportFormat, string> = {
    github: vscode.l10n.t('Markdown with GitHub alerts'),
    obsidian: vscode.l10n.t('Markdown with Obsidian callouts'),
    plain: vscode.l10n.t('Markdown with plain-text labels, for any viewer'),
    html: vscode.l10n.t('A standalone HTML page with the critique highlighted'),
  };
  return EXPORT_FORMATS.map((format) => ({ id: format, label: format, description: details[format], value: format }));
}

export class ExportCommand implements Command {
  constructor(
    readonly id: typeof CommandIds.export | typeof CommandIds.exportPaper,
    private readonly index: WorkspaceIndex,
    private readonly prompts: Prompts,
  ) {}

  /** Returns the written files' URIs (as strings), empty when cancelled. */
  async execute(arg?: unknown): Promise<string[]> {
    const options: ExportOptions = isPapersNode(arg) ? {
      uri: fileOf(arg).uri.toString(),
      paper: paperOf(arg)?.paperIndex,
      scope: paperOf(arg) ? 'paper' : 'file',
    } : (arg as ExportOptions | undefined) ?? {};
    let uri = options.uri ? vscode.Uri.parse(options.uri) : undefined;
    let paper = options.paper;
    const editor = vscode.window.activeTextEditor;
    if (!uri && editor?.document.languageId === 'markdown') {
      uri = editor.document.uri;
      const offset = editor.document.offsetAt(editor.selection.active);
      const at = this.index.indexOf(editor.document).papers.findIndex((p) => offset >= p.start && offset < p.end);
      if (at >= 0) paper ??= at;
    }
    const scope = options.scope ?? (this.id === CommandIds.exportPaper ? 'paper' : await this.pickScope(uri, paper));
    if (!scope) return [];
    const format = options.format ?? (await this.prompts.pick(formatItems(), { title: vscode.l10n.t('Export as') }))?.value;
    if (!format) return [];
    const target = options.target ? vscode.Uri.parse(options.target) : undefined;
    if (scope === 'workspace') return this.exportWorkspace(format, target);
    if (scope === 'paper' && (uri === undefined || paper === undefined)) {
      const choice = await this.choosePaper(uri);
      if (!choice) return [];
      [uri, paper] = [choice.uri, choice.paperIndex];
    }
    uri ??= await this.chooseFile();
    if (!uri) return [];
    const source = await this.read(uri);
    const paperIndex = scope === 'paper' ? paper : undefined;
    const title = paperIndex === undefined ? undefined : source.index.papers[paperIndex]?.title;
    if (paperIndex !== undefined && title === undefined) throw new EditError(vscode.l10n.t('That paper is no longer in {0}.', baseName(uri)));
    const output = target ?? await this.prompts.saveFile({
      title: vscode.l10n.t('Save the export'),
      defaultUri: defaultExportUri(uri, format, title),
      filters: { [format === 'html' ? 'HTML' : 'Markdown']: [exportExtension(format)] },
    });
    if (!output) return [];
    if (target && await exists(target) && !await this.confirmOverwrite([target])) return [];
    const text = exportDocument(source.text, { format, fileName: relativePath(parentOf(output), uri), paper: paperIndex, index: source.index });
    await this.write(output, text, [source.uri]);
    await vscode.window.showTextDocument(output, { preview: false });
    return [output.toString()];
  }

  private async pickScope(uri: vscode.Uri | undefined, paper: number | undefined): Promise<ExportScope | undefined> {
    const items: PickItem<ExportScope>[] = [
      { id: 'paper', label: vscode.l10n.t('This paper'), description: paper === undefined ? vscode.l10n.t('choose one') : undefined, value: 'paper' },
      { id: 'file', label: vscode.l10n.t('This file'), description: uri ? vscode.workspace.asRelativePath(uri) : vscode.l10n.t('choose one'), value: 'file' },
      { id: 'workspace', label: vscode.l10n.t('The workspace'), description: vscode.l10n.t('every summary file, each exported beside the others in a folder'), value: 'workspace' },
    ];
    return (await this.prompts.pick(items, { title: vscode.l10n.t('Export what?') }))?.value;
  }

  private async choosePaper(uri: vscode.Uri | undefined) {
    const title = vscode.l10n.t('Export which paper?');
    if (uri) return pickPaper(this.prompts, paperItems(uri, (await this.read(uri)).index, false), title);
    await this.index.ensureScanned();
    return pickPaper(this.prompts, this.index.all().flatMap((f) => paperItems(f.uri, f.index, true)), title);
  }

  private async chooseFile(): Promise<vscode.Uri | undefined> {
    await this.index.ensureScanned();
    const items = this.summaryFiles().map((uri) => ({ id: uriKey(uri), label: vscode.workspace.asRelativePath(uri), value: uri }));
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No paper summaries found in this workspace.'));
      return undefined;
    }
    return (await this.prompts.pick(items, { title: vscode.l10n.t('Export which file?') }))?.value;
  }

  private summaryFiles(): vscode.Uri[] {
    return this.index.all().filter((f) => f.index.papers.length > 0).map((f) => f.uri);
  }

  /** The file's current text: the open document's (unsaved edits included) or the file's on disk. */
  private async read(uri: vscode.Uri): Promise<Source> {
    const result = await readFileText(uri, NO_LIMIT);
    if (result.kind !== 'text') {
      throw new EditError(vscode.l10n.t('Cannot read {0}: {1}', vscode.workspace.asRelativePath(uri), result.kind === 'unreadable' ? result.reason : ''));
    }
    return { uri, text: result.text, index: this.index.indexText(result.text, uri) };
  }

  private async exportWorkspace(format: ExportFormat, target: vscode.Uri | undefined): Promise<string[]> {
    await this.index.ensureScanned();
    const sources = this.summaryFiles();
    if (sources.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No paper summaries found in this workspace.'));
      return [];
    }
    const folder = target ?? await this.prompts.folder({
      title: vscode.l10n.t('Export the workspace into which folder?'),
      defaultUri: vscode.workspace.getWorkspaceFolder(sources[0])?.uri,
    });
    if (!folder) return [];
    const outputs = sources.map((uri) => vscode.Uri.joinPath(folder, vscode.workspace.asRelativePath(uri, false)))
      .map((uri, k) => vscode.Uri.joinPath(parentOf(uri), baseName(defaultExportUri(sources[k], format))));
    const existing: vscode.Uri[] = [];
    for (const output of outputs) if (await exists(output)) existing.push(output);
    if (existing.length && !await this.confirmOverwrite(existing)) return [];
    for (const [k, uri] of sources.entries()) {
      const source = await this.read(uri);
      const text = exportDocument(source.text, { format, fileName: relativePath(parentOf(outputs[k]), uri), index: source.index });
      await this.write(outputs[k], text, sources);
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} file(s) to {1}.', outputs.length, folder.toString(true)));
    return outputs.map(String);
  }

  private confirmOverwrite(uris: readonly vscode.Uri[]): Promise<boolean> {
    const names = uris.slice(0, 5).map((u) => vscode.workspace.asRelativePath(u)).join(', ') + (uris.length > 5 ? ', …' : '');
    return this.prompts.confirm(vscode.l10n.t('Overwrite {0}?', names), vscode.l10n.t('Overwrite'));
  }

  private async write(output: vscode.Uri, text: string, sources: readonly vscode.Uri[]): Promise<void> {
    if (sources.some((s) => uriKey(s) === uriKey(output))) {
      throw new EditError(vscode.l10n.t('Will not export over the summary itself ({0}); choose another file.', vscode.workspace.asRelativePath(output)));
    }
    if (openDocument(output)?.isDirty) {
      throw new EditError(vscode.l10n.t('{0} is open with unsaved changes; save or close it before exporting over it.', vscode.workspace.asRelativePath(output)));
    }
    // Written beside the target and renamed over it: a write that fails (disk full, permissions,
    // a provider error) leaves the existing file as it was.
    const temp = vscode.Uri.joinPath(parentOf(output), `.${baseName(output)}.${Date.now().toString(36)}.paper-study.tmp`);
    try {
      await vscode.workspace.fs.createDirectory(parentOf(output));
      await vscode.workspace.fs.writeFile(temp, encoder.encode(text));
      await vscode.workspace.fs.rename(temp, output, { overwrite: true });
    } catch (error) {
      await vscode.workspace.fs.delete(temp, { useTrash: false }).then(undefined, () => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new EditError(vscode.l10n.t('Cannot write {0}: {1}. Nothing was changed.', vscode.workspace.asRelativePath(output), reason));
    }
  }
}
