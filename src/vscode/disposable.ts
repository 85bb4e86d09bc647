// A base class that owns disposables and releases them all at once, so nothing leaks.
import * as vscode from 'vscode';

export function disposeAll(disposables: vscode.Disposable[]): void {
  while (disposables.length) disposables.pop()?.dispose();
}

export abstract class Disposable implements vscode.Disposable {
  private isDisposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    disposeAll(this.disposables);
  }

  /** Takes ownership of `value`: it is disposed with this object (at once if this one already is). */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.isDisposed) value.dispose();
    else this.disposables.push(value);
    return value;
  }

  protected get disposed(): boolean {
    return this.isDisposed;
  }
}
