// Paper Study's entry point: creates the parts and wires them together; nothing else happens here.
// No file is read at activation: the workspace is scanned when the Papers view is first shown
// (or a command needs the whole workspace).
import * as vscode from 'vscode';
import type { CritiqueKind } from '../core/model';
import { CRITIQUE_KINDS } from '../core/model';
import { CommandIds } from './commandIds';
import { CommandManager } from './commands/commandManager';
import { CreateSummaryFileCommand } from './commands/createSummaryFile';
import { ExportCommand } from './commands/exportDocument';
import { ClearFilterCommand, FilterCommand } from './commands/filter';
import { InsertNoteCommand } from './commands/insertNote';
import { NewPaperCommand } from './commands/newPaper';
import { NoteTargetResolver } from './commands/noteTarget';
import { OpenLocationCommand } from './commands/openLocation';
import { OpenSampleCommand } from './commands/openSample';
import { RefreshCommand } from './commands/refresh';
import { RevealPaperCommand } from './commands/revealPaper';
import { SetPromptsCommand, TreeEventsCommand, TreeSnapshotCommand } from './commands/testSeams';
import { PaperFilterState } from './paperFilter';
import { PapersModel } from './papersModel';
import { PapersView } from './papersView';
import { PromptSeam } from './prompts';
import { SettingsWatcher } from './settings';
import { WorkspaceIndex } from './workspaceIndex';

export function activate(context: vscode.ExtensionContext): void {
  const own = <T extends vscode.Disposable>(d: T): T => { context.subscriptions.push(d); return d; };
  const log = own(vscode.window.createOutputChannel('Paper Study', { log: true }));
  const settings = own(new SettingsWatcher());
  const index = own(new WorkspaceIndex(settings, log));
  const filter = own(new PaperFilterState());
  const model = new PapersModel(index, filter);
  const view = own(new PapersView(model, filter));
  const prompts = new PromptSeam();
  const targets = new NoteTargetResolver(index, prompts);

  const commands = own(new CommandManager(log));
  for (const kind of CRITIQUE_KINDS as readonly CritiqueKind[]) commands.register(new InsertNoteCommand(kind, targets, index));
  commands.register(new NewPaperCommand(index));
  commands.register(new ExportCommand(CommandIds.export, index, prompts));
  commands.register(new ExportCommand(CommandIds.exportPaper, index, prompts));
  commands.register(new RefreshCommand(index));
  commands.register(new FilterCommand(filter, index, prompts));
  commands.register(new ClearFilterCommand(filter));
  commands.register(new RevealPaperCommand(model, view));
  commands.register(new OpenLocationCommand());
  commands.register(new OpenSampleCommand(context.extensionUri));
  commands.register(new CreateSummaryFileCommand(prompts));
  commands.register(new TreeSnapshotCommand(index, view));
  commands.register(new SetPromptsCommand(prompts));
  commands.register(own(new TreeEventsCommand(view)));
}

export function deactivate(): void {}
