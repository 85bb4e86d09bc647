// Every question the extension asks the user (quick picks, input boxes, save and folder dialogs,
// confirmations) goes through `Prompts`, so that tests can answer them: `PromptSeam` delegates to the
// real window by default, or to `ScriptedPrompts` installed by the `_test.setPrompts` command.
import * as vscode from 'vscode';

export interface PickItem<T> extends vscode.QuickPickItem {
  /** Stable identifier, what scripted answers name. */
  readonly id: string;
  readonly value: T;
}

export interface InputOptions {
  readonly title: string;
  readonly prompt?: string;
  readonly value?: string;
  readonly validate?: (value: string) => string | undefined;
}

export interface Prompts {
  pick<T>(items: readonly PickItem<T>[], options: { readonly title: string; readonly placeHolder?: string }): Promise<PickItem<T> | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  saveFile(options: { readonly title: string; readonly defaultUri: vscode.Uri; readonly filters: Record<string, string[]> }): Promise<vscode.Uri | undefined>;
  folder(options: { readonly title: string; readonly defaultUri?: vscode.Uri }): Promise<vscode.Uri | undefined>;
  /** A modal yes/no question; true when the user chose `action`. */
  confirm(message: string, action: string): Promise<boolean>;
}

export const windowPrompts: Prompts = {
  pick: (items, options) => Promise.resolve(vscode.window.showQuickPick(items, { ...options, matchOnDescription: true })),
  input: (options) => Promise.resolve(vscode.window.showInputBox({
    title: options.title, prompt: options.prompt, value: options.value, validateInput: options.validate,
  })),
  saveFile: (options) => Promise.resolve(vscode.window.showSaveDialog({ title: options.title, defaultUri: options.defaultUri, filters: options.filters })),
  folder: async (options) => (await vscode.window.showOpenDialog({
    title: options.title, defaultUri: options.defaultUri, canSelectFiles: false, canSelectFolders: true, canSelectMany: false,
  }))?.[0],
  confirm: async (message, action) => (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action,
};

/** Answers for tests, used in order; `null` cancels. A question with no answer left fails loudly. */
export interface ScriptedAnswers {
  readonly picks?: readonly (string | null)[];
  readonly inputs?: readonly (string | null)[];
  readonly saveFiles?: readonly (string | null)[];
  readonly folders?: readonly (string | null)[];
  readonly confirms?: readonly boolean[];
}

export interface AskedPrompt {
  readonly kind: keyof ScriptedAnswers;
  readonly title: string;
  /** The dialog's default location, for save and folder dialogs. */
  readonly defaultUri?: string;
}

export class ScriptedPrompts implements Prompts {
  private readonly queues: { [K in keyof ScriptedAnswers]-?: (NonNullable<ScriptedAnswers[K]>[number])[] };
  readonly asked: AskedPrompt[] = [];

  constructor(answers: ScriptedAnswers) {
    this.queues = {
      picks: [...answers.picks ?? []], inputs: [...answers.inputs ?? []], saveFiles: [...answers.saveFiles ?? []],
      folders: [...answers.folders ?? []], confirms: [...answers.confirms ?? []],
    };
  }

  private next<K extends keyof ScriptedAnswers>(kind: K, title: string, defaultUri?: vscode.Uri): (typeof this.queues)[K][number] {
    this.asked.push({ kind, title, defaultUri: defaultUri?.toString() });
    const queue = this.queues[kind] as unknown[];
    if (queue.length === 0) throw new Error(`No scripted answer left for ${kind} "${title}"`);
    return queue.shift() as (typeof this.queues)[K][number];
  }

  async pick<T>(items: readonly PickItem<T>[], options: { readonly title: string }): Promise<PickItem<T> | undefined> {
    const answer = this.next('picks', options.title);
    if (answer === null) return undefined;
    const item = items.find((i) => i.id === answer) ?? items.find((i) => i.label === answer);
    if (!item) throw new Error(`Scripted pick "${answer}" is not among: ${items.map((i) => i.id).join(', ')}`);
    return item;
  }

  async input(options: InputOptions): Promise<string | undefined> {
    const answer = this.next('inputs', options.title);
    if (answer === null) return undefined;
    const problem = options.validate?.(answer);
    if (problem) throw new Error(`Scripted input "${answer}" rejected: ${problem}`);
    return answer;
  }

  async saveFile(options: { readonly title: string; readonly defaultUri: vscode.Uri }): Promise<vscode.Uri | undefined> {
    const answer = this.next('saveFiles', options.title, options.defaultUri);
    return answer === null ? undefined : vscode.Uri.parse(answer);
  }

  async folder(options: { readonly title: string; readonly defaultUri?: vscode.Uri }): Promise<vscode.Uri | undefined> {
    const answer = this.next('folders', options.title, options.defaultUri);
    return answer === null ? undefined : vscode.Uri.parse(answer);
  }

  async confirm(message: string): Promise<boolean> {
    return this.next('confirms', message);
  }
}

/** The prompts in use: the window's, unless a test installed scripted ones. */
export class PromptSeam implements Prompts {
  private prompts: Prompts = windowPrompts;

  use(prompts: Prompts | undefined): void {
    this.prompts = prompts ?? windowPrompts;
  }

  get current(): Prompts {
    return this.prompts;
  }

  pick<T>(items: readonly PickItem<T>[], options: { readonly title: string; readonly placeHolder?: string }) { return this.prompts.pick(items, options); }
  input(options: InputOptions) { return this.prompts.input(options); }
  saveFile(options: Parameters<Prompts['saveFile']>[0]) { return this.prompts.saveFile(options); }
  folder(options: Parameters<Prompts['folder']>[0]) { return this.prompts.folder(options); }
  confirm(message: string, action: string) { return this.prompts.confirm(message, action); }
}
