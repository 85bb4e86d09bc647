// One command: an id (as contributed in package.json) and what it does.
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}
