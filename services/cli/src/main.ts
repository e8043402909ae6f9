import { Command } from 'commander';
import { registerCommands } from './commands';

/** `npm run vsoko -- <group> <command> …`: the command line for administrators and scripts. */
async function main() {
  const program = new Command('vsoko')
    .description('ВСОКО: командная строка (импорт планов, календари, проверка журнала)')
    .showHelpAfterError('(подробнее: --help)')
    .configureOutput({ outputError: (text, write) => write(text) });
  registerCommands(program);
  await program.parseAsync(process.argv);
}

main().catch((e) => {
  process.stderr.write(`ошибка: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
