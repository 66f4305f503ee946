/** A run of the CLI on a hostile file: its arguments, the exit code expected and the first line of stderr. */
export interface HostileRun {
  name: string;
  args: string[];
  status: number;
  stderr?: RegExp;
}
type Make = (dir: string) => HostileRun[];
export const aliasNotes: Make;
export const aliasActions: Make;
export const bigQuestionnaire: (dir: string, questions?: number) => HostileRun[];
export const longBlocks: Make;
export const unknownIds: Make;
export const manyAliases: Make;
export const longKey: Make;
export const endless: () => HostileRun[];
export const ALL: Make[];
