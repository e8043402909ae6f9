import { addDays, localDateOf } from '@vsoko/domain';
import { HORIZON_DAYS, previewFeed, type PreviewEntry } from '@vsoko/calendar';
import type { Command } from 'commander';
import * as fs from 'node:fs';

const ACTION_TITLES: Record<PreviewEntry['action'], string> = {
  schedule: 'запланирует',
  move: 'перенесёт',
  cancel: 'отменит',
  ignore: 'пропустит',
};

/** `calendar preview FILE --tz ZONE [--from DATE] [--to DATE] [--json]`: reads, changes nothing. */
export function registerCalendar(program: Command): void {
  const calendar = program.command('calendar').description('Календари: предпросмотр .ics-файла');
  calendar
    .command('preview')
    .description('Показать, что сделает календарь с процедурами ВСОКО, ничего не меняя')
    .argument('<file>', '.ics-файл (экспорт Google, Outlook, Яндекс, Apple, Nextcloud)')
    .requiredOption('--tz <zone>', 'часовой пояс школы (IANA), например Europe/Moscow')
    .option('--from <date>', 'с какой даты (ГГГГ-ММ-ДД); по умолчанию сегодня')
    .option('--to <date>', `по какую дату; по умолчанию на ${HORIZON_DAYS} дней вперёд`)
    .option('--json', 'вывод в JSON')
    .action((file: string, opts: { tz: string; from?: string; to?: string; json?: boolean }) => {
      const today = localDateOf(Date.now(), opts.tz);
      const from = opts.from ?? today;
      const horizon = { from, to: opts.to ?? addDays(from, HORIZON_DAYS) };
      const entries = previewFeed(fs.readFileSync(file, 'utf8'), { timeZone: opts.tz, horizon });
      if (opts.json) {
        process.stdout.write(JSON.stringify(entries, null, 2) + '\n');
        return;
      }
      for (const e of entries) {
        const when = `${e.start.date}${e.start.time ? ' ' + e.start.time : ''} (${e.start.timeZone})`;
        process.stdout.write(
          `${when}  ${ACTION_TITLES[e.action]}: ${e.summary}${e.reason ? ` — ${e.reason}` : ''}\n`,
        );
      }
      process.stdout.write(`Всего вхождений: ${entries.length}, период ${horizon.from} — ${horizon.to}\n`);
    });
}
