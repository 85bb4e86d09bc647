// Opens a summary file at a paper's line or an item's text (what clicking a tree node does).
import { CommandIds } from '../commandIds';
import { isOpenLocationArgs, openLocation } from '../locations';
import type { Command } from './command';

export class OpenLocationCommand implements Command {
  readonly id = CommandIds.openLocation;

  async execute(arg?: unknown): Promise<void> {
    if (isOpenLocationArgs(arg)) await openLocation(arg);
  }
}
