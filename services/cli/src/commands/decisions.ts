import { DEFAULT_TIME_ZONE, type SchoolCalendar } from '@vsoko/domain';
import type { Command } from 'commander';
import {
  directoryFromJson,
  importedRecords,
  readDecisionsReport,
  readSource,
  type DecisionsReportPreview,
} from '@vsoko/plan-import';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { academicYearOf } from '../../../api/src/plans/academic-year';
import { answer, ApiRefusal, cliApi, type ApiOptions } from '../api';

interface ImportOptions extends ApiOptions {
  school: string;
  year?: string;
  staff?: string;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
}

/**
 * `decisions import FILE --school … [--year 2025/26] [--dry-run] [--json]`: the meetings and decisions a school
 * adopted before it used vsoko, from its report in seed 002's shape (.docx, .xlsx, .csv). The preview is read
 * here and changes nothing; with --yes each meeting is planned, held and given its decisions through the API,
 * with ids derived from the school, year and the report's numbers, so running it again records nothing twice.
 */
export function registerDecisions(program: Command): void {
  const decisions = program.command('decisions').description('Заседания и решения: импорт из отчёта школы');
  decisions
    .command('import')
    .argument('<file>', 'отчёт школы: .docx, .xlsx или .csv (№, уровень, дата, решение, срок, ответственный)')
    .requiredOption('--school <id>', 'идентификатор школы')
    .option('--year <year>', 'учебный год, например 2025/26 (по умолчанию — текущий)')
    .option('--staff <file>', 'справочник сотрудников школы (JSON)')
    .option('--dry-run', 'только предпросмотр: ничего не записывать')
    .option('--json', 'вывести предпросмотр как JSON')
    .option('--yes', 'записать заседания и решения через API')
    .option('--api <url>', 'адрес API', process.env.VSOKO_API_URL ?? 'http://127.0.0.1:3000')
    .option('--token <token>', 'токен входа (POST /auth/login)', process.env.VSOKO_TOKEN)
    .option('--actor <id>', 'пользователь (временная замена входа)', process.env.VSOKO_ACTOR_ID ?? 'cli')
    .option('--role <role>', 'роль пользователя', process.env.VSOKO_ACTOR_ROLE ?? 'director')
    .option('--time-zone <zone>', 'часовой пояс школы', DEFAULT_TIME_ZONE)
    .description('Импортировать заседания и решения: предпросмотр, затем запись')
    .action(async (file: string, options: ImportOptions & { timeZone: string }) => {
      const source = await readSource(path.basename(file), fs.readFileSync(file));
      const academicYear = options.year ?? academicYearOf(new Date());
      const calendar = await schoolCalendar(options, academicYear);
      process.stderr.write(`${calendar.note}\n`);
      const preview = readDecisionsReport(source.rows, {
        academicYear,
        directory: directoryFromJson(options.staff ? fs.readFileSync(options.staff, 'utf8') : undefined),
        ...(calendar.calendar ? { calendar: calendar.calendar } : {}),
      });
      process.stdout.write(`${options.json ? JSON.stringify(preview, null, 2) : describe(preview)}\n`);
      if (options.dryRun) return;
      if (!options.yes) {
        process.stdout.write('\nЧтобы записать: повторите команду с --yes\n');
        return;
      }
      await write(preview, options);
    });
}

/**
 * The school's own calendar for the year, from the API, so that «в течение года», «до конца I четверти» and the
 * like are read by its terms, as the API's own import reads them; without one, the shipped default stands in
 * (the same rule). A dry run works without the API, on the default; a write needs the API anyway, so there a
 * failed read stops before anything is written.
 */
async function schoolCalendar(
  options: ImportOptions,
  academicYear: string,
): Promise<{ calendar?: SchoolCalendar; note: string }> {
  try {
    const view = await answer(
      cliApi(options).GET('/schools/{schoolId}/calendars/{academicYear}', {
        params: { path: { schoolId: options.school, academicYear: academicYear.replace('/', '-') } },
      }),
    );
    const calendar = view.calendar as SchoolCalendar | null;
    return calendar
      ? {
          calendar,
          note: `Сроки прочитаны по календарю школы ${options.school} на ${academicYear} учебный год`,
        }
      : {
          note: `У школы ${options.school} нет календаря на ${academicYear} учебный год: четверти и каникулы в сроках — по календарю по умолчанию`,
        };
  } catch (e) {
    if (options.yes && !options.dryRun) throw e;
    const why = e instanceof ApiRefusal ? e.message : 'API недоступен';
    return {
      note: `Календарь школы не получен (${why}): четверти и каникулы в сроках — по календарю по умолчанию`,
    };
  }
}

function describe(p: DecisionsReportPreview): string {
  const lines = [
    `Учебный год ${p.academicYear}: заседаний ${p.counts.meetings}, решений ${p.counts.decisions}, предупреждений ${p.counts.warnings}`,
  ];
  for (const m of p.meetings) {
    lines.push(`${m.number}. ${m.levelAsWritten} — ${m.dateAsWritten || 'дата не указана'}`);
    for (const d of m.decisions) {
      lines.push(
        `   ${d.number}. ${d.wording.slice(0, 80)} | ${d.deadline.asWritten ?? 'без срока'} → ${d.deadline.parsed.kind}`,
      );
      for (const w of d.warnings) lines.push(`      ! ${w}`);
    }
  }
  for (const r of p.rows.filter((r) => r.became === 'warning')) lines.push(`! ${r.location}: ${r.message}`);
  return lines.join('\n');
}

async function write(p: DecisionsReportPreview, o: ImportOptions & { timeZone: string }): Promise<void> {
  const api = cliApi(o);
  // Ids and Idempotency-Keys derive from the report (importedRecords, shared with the API's approval), so a
  // repeated run finds its own records: 409 is an answer.
  const again = [409];
  const key = (value: string) => ({ headers: { 'idempotency-key': value } });
  for (const m of importedRecords(p, o.school)) {
    await answer(
      api.POST('/meetings', {
        ...key(m.planCommandId),
        body: {
          id: m.meetingId,
          academicYear: m.academicYear,
          level: m.level,
          ...(m.association ? { association: m.association } : {}),
          ...(m.title ? { title: m.title } : {}),
          date: m.date,
          timeZone: o.timeZone,
          agenda: m.agenda,
        },
      }),
      again,
    );
    const meeting = { params: { path: { meetingId: m.meetingId } } };
    await answer(
      api.POST('/meetings/{meetingId}/held', { ...meeting, ...key(m.heldCommandId), body: {} }),
      again,
    );
    for (const d of m.decisions) {
      await answer(
        api.POST('/meetings/{meetingId}/decisions', {
          ...meeting,
          ...key(d.adoptCommandId),
          body: {
            id: d.decisionId,
            number: d.number,
            wording: d.wording,
            executors: d.executors,
            deadline: d.deadline,
          },
        }),
        again,
      );
    }
    process.stdout.write(`записано: ${m.number}. ${m.levelAsWritten}\n`);
  }
}
