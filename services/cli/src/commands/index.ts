import type { Command } from 'commander';

/**
 * Each capability adds its command group here: `register<Group>(program)` from its own file in this folder.
 */
export function registerCommands(program: Command): void {
  void program;
}
