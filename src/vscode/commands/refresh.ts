// Refresh: lists and reads every summary file again.
import { CommandIds } from '../commandIds';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { Command } from './command';

export class RefreshCommand implements Command {
  readonly id = CommandIds.refresh;

  constructor(private readonly index: WorkspaceIndex) {}

  execute(): Promise<void> {
    return this.index.rescan();
  }
}
