import { addDays, DIRECTION_TITLES, DIRECTIONS, localDateOf, type Direction } from '@vsoko/domain';
import { HORIZON_DAYS, parseDirection, previewFeed, type PreviewEntry } from '@vsoko/calendar';
import { InvalidArgumentError, type Command } from 'commander';
import * as fs from 'node:fs';

const ACTION_TITLES: Record<PreviewEntry['action'], string> = {
  schedule: 'запланирует',
  move: 'перенесёт',
  cancel: 'отменит',
  ignore: 'пропустит',
};

interface PreviewOptions {
  tz: string;
  from?: string;
  to?: string;
  direction?: Direction;
  responsible?: string;
  json?: boolean;
}

/**
 * `calendar preview FILE --tz ZONE [--from DATE] [--to DATE] [--direction D] [--responsible NAME] [--json]`:
 * reads, changes nothing; the defaults are the ones a subscribed feed would have.
 */
export function registerCalendar(program: Command): void {
  const calendar = program.command('calendar').description('Календари: предпросмотр .ics-файла');
  calendar
    .command('preview')
    .description('Показать, что сделает календарь с процедурами ВСОКО, ничего не меняя')
    .argument('<file>', '.ics-файл (экспорт Google, Outlook, Яндекс, Apple, Nextcloud)')
    .requiredOption('--tz <zone>', 'часовой пояс школы (IANA), например Europe/Moscow')
    .option('--from <date>', 'с какой даты (ГГГГ-ММ-ДД); по умолчанию сегодня')
    .option('--to <date>', `по какую дату; по умолчанию на ${HORIZON_DAYS} дней вперёд`)
    .option(
      '--direction <direction>',
      `направление по умолчанию, как у календаря: ${DIRECTIONS.join(', ')} или по-русски (результаты, процесс, условия, удовлетворённость)`,
      (value: string): Direction => {
        const direction = parseDirection(value);
        if (!direction) throw new InvalidArgumentError(`направление «${value}» не распознано`);
        return direction;
      },
    )
    .option('--responsible <name>', 'ответственный по умолчанию, как у календаря')
    .option('--json', 'вывод в JSON')
    .action((file: string, opts: PreviewOptions) => {
      const today = localDateOf(Date.now(), opts.tz);
      const from = opts.from ?? today;
      const horizon = { from, to: opts.to ?? addDays(from, HORIZON_DAYS) };
      const entries = previewFeed(fs.readFileSync(file, 'utf8'), {
        timeZone: opts.tz,
        horizon,
        defaults: {
          ...(opts.direction ? { direction: opts.direction } : {}),
          ...(opts.responsible ? { responsible: { name: opts.responsible } } : {}),
        },
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify(entries, null, 2) + '\n');
        return;
      }
      for (const e of entries) {
        const when = `${e.start.date}${e.start.time ? ' ' + e.start.time : ''} (${e.start.timeZone})`;
        const guessed =
          e.directionFrom === 'title'
            ? ` [направление по названию: ${DIRECTION_TITLES[e.direction as Direction]}]`
            : '';
        process.stdout.write(
          `${when}  ${ACTION_TITLES[e.action]}: ${e.summary}${guessed}${e.reason ? ` — ${e.reason}` : ''}\n`,
        );
      }
      process.stdout.write(`Всего вхождений: ${entries.length}, период ${horizon.from} — ${horizon.to}\n`);
      const asking = entries.filter((e) => e.needs).length;
      if (asking > 0) {
        process.stdout.write(
          `Внимание: ${asking} отмеченных событий пропущено — не хватает направления или ответственного (--direction, --responsible)\n`,
        );
      }
    });
}
