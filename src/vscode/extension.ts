// Paper Study's entry point: creates the parts and wires them together; nothing else happens here.
// No file is read at activation: the workspace is scanned when the Papers view is first shown
// (or a command needs the whole workspace).
import * as vscode from 'vscode';
import type { CritiqueKind } from '../core/model';
import { CRITIQUE_KINDS } from '../core/model';
import { PaperCodeLensProvider } from './codeLens';
import { CommandIds, STUDY_PANEL_VIEW_TYPE } from './commandIds';
import { CommandManager } from './commands/commandManager';
import { CreateSummaryFileCommand } from './commands/createSummaryFile';
import { ExportCommand } from './commands/exportDocument';
import { ClearFilterCommand, FilterCommand } from './commands/filter';
import { InsertNoteCommand } from './commands/insertNote';
import { NewPaperCommand } from './commands/newPaper';
import { NoteTargetResolver } from './commands/noteTarget';
import { OpenLocationCommand } from './commands/openLocation';
import { OpenSampleCommand } from './commands/openSample';
import { OpenStudyPanelCommand } from './commands/openStudyPanel';
import { RefreshCommand } from './commands/refresh';
import { RevealPaperCommand } from './commands/revealPaper';
import { DecorationsSnapshotCommand, ReviveStudyPanelCommand, StudyPanelActionCommand, StudyPanelStateCommand } from './commands/studyTestSeams';
import {
  ActivationTime, InterleaveEditsCommand, LiveEditSeam, ScanStateCommand, SetPromptsCommand, TreeEventsCommand, TreeSnapshotCommand,
} from './commands/testSeams';
import { ToggleDecorationsCommand } from './commands/toggleDecorations';
import { NoteKindCompletionProvider } from './completion';
import { CritiqueDecorations } from './editorDecorations';
import { CritiqueHoverProvider } from './hover';
import { markdownPreviewExports, type PaperStudyExports } from './markdownPreview';
import { PaperFilterState } from './paperFilter';
import { PapersModel } from './papersModel';
import { PapersView } from './papersView';
import { PromptSeam } from './prompts';
import { SettingsWatcher } from './settings';
import { StudyPanel } from './studyPanel/studyPanel';
import { StudyPanelSerializer } from './studyPanel/studyPanelSerializer';
import { WorkspaceIndex } from './workspaceIndex';

export function activate(context: vscode.ExtensionContext): PaperStudyExports {
  const activation = new ActivationTime();
  const own = <T extends vscode.Disposable>(d: T): T => { context.subscriptions.push(d); return d; };
  const log = own(vscode.window.createOutputChannel('Paper Study', { log: true }));
  activation.mark('log');
  const settings = own(new SettingsWatcher());
  const index = own(new WorkspaceIndex(settings, log));
  const filter = own(new PaperFilterState());
  const model = new PapersModel(index, filter);
  const view = own(new PapersView(model, filter));
  const prompts = new PromptSeam();
  const targets = new NoteTargetResolver(index, prompts);
  activation.mark('index and view');

  const commands = own(new CommandManager(log));
  const liveEdits = new LiveEditSeam();
  for (const kind of CRITIQUE_KINDS as readonly CritiqueKind[]) commands.register(new InsertNoteCommand(kind, targets, index, liveEdits));
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
  commands.register(new InterleaveEditsCommand(liveEdits));
  commands.register(new ScanStateCommand(index, view, activation));
  activation.mark('commands');

  const studyDeps = { extensionUri: context.extensionUri, index, settings, log };
  const serializer = new StudyPanelSerializer(studyDeps);
  own(vscode.window.registerWebviewPanelSerializer(STUDY_PANEL_VIEW_TYPE, serializer));
  own({ dispose: () => StudyPanel.currentPanel?.dispose() });
  commands.register(new OpenStudyPanelCommand(studyDeps, prompts));
  commands.register(new StudyPanelStateCommand());
  commands.register(new StudyPanelActionCommand());
  commands.register(new ReviveStudyPanelCommand(serializer));
  activation.mark('study panel');

  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  const decorations = own(new CritiqueDecorations(index, settings, log));
  own(vscode.languages.registerCodeLensProvider(markdown, own(new PaperCodeLensProvider(index, settings))));
  own(vscode.languages.registerHoverProvider(markdown, new CritiqueHoverProvider(index)));
  own(vscode.languages.registerCompletionItemProvider(markdown, new NoteKindCompletionProvider(), ...NoteKindCompletionProvider.triggerCharacters));
  commands.register(new ToggleDecorationsCommand());
  commands.register(new DecorationsSnapshotCommand(decorations));
  activation.mark('editor features');

  // VS Code's Markdown preview renders with Paper Study's plugin (contributes.markdown.markdownItPlugins).
  const exports = markdownPreviewExports(settings);
  const ms = activation.stop();
  const cpu = activation.cpuMs === undefined ? '' : vscode.l10n.t(', {0} ms of CPU time', activation.cpuMs);
  log.info(vscode.l10n.t('Activated in {0} ms{1} ({2}).', ms, cpu, activation.breakdown));
  return exports;
}

export function deactivate(): void {}
