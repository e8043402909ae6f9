import type { Command } from 'commander';
import { registerCalendar } from './calendar';
import { registerDecisions } from './decisions';
import { registerPlan } from './plan';
import { registerSeed } from './seed';

/**
 * Each capability adds its command group here: `register<Group>(program)` from its own file in this folder.
 */
export function registerCommands(program: Command): void {
  registerCalendar(program);
  registerDecisions(program);
  registerPlan(program);
  registerSeed(program);
}
