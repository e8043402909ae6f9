import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { buildPreview, directoryFromJson, type PlanPreview } from '@vsoko/plan-import';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { academicYearOf } from '../../../api/src/plans/academic-year';
import { answer, cliApi, multipart, type ApiOptions, type Json } from '../api';

interface ImportOptions extends ApiOptions {
  school: string;
  past?: string;
  pastRow?: string[];
  year?: string;
  staff?: string;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
}

/**
 * `plan import FILE --school … [--year 2023/24]`. With --dry-run the file is read here and nothing changes.
 * Otherwise the CLI talks to the running system through its HTTP API (ADR 0004): the API previews, and with
 * --yes approves, showing the approval's progress line by line.
 */
export function registerPlan(program: Command): void {
  const plan = program
    .command('plan')
    .alias('plans')
    .description('План ВСОКО: импорт из Word, Excel, CSV, JSON; план следующего года из этого');
  plan
    .command('import')
    .argument('<file>', 'файл плана: .docx, .xlsx, .csv или .json')
    .requiredOption('--school <id>', 'идентификатор школы')
    .option(
      '--year <year>',
      'учебный год, например 2023/24 (по умолчанию — из заголовка плана, иначе текущий)',
    )
    .option('--staff <file>', 'справочник сотрудников школы (JSON)')
    .option('--dry-run', 'только предпросмотр: ничего не записывать')
    .option('--json', 'вывести предпросмотр как JSON')
    .option('--api <url>', 'адрес API', process.env.VSOKO_API_URL ?? 'http://127.0.0.1:3000')
    .option('--yes', 'сразу утвердить импорт')
    .option(
      '--past <выбор>',
      'строки, срок которых уже прошёл: overdue (оставить просроченными), performed:ГГГГ-ММ-ДД (проведены), cancel:причина',
    )
    .option(
      '--past-row <id=выбор>',
      'то же для одной строки (можно повторять): pl-…=performed:2026-10-15',
      (value: string, all: string[] = []) => [...all, value],
    )
    .option('--token <token>', 'токен входа (POST /auth/login)', process.env.VSOKO_TOKEN)
    .option('--actor <id>', 'пользователь (временная замена входа)', process.env.VSOKO_ACTOR_ID ?? 'cli')
    .option('--role <role>', 'роль пользователя', process.env.VSOKO_ACTOR_ROLE ?? 'director')
    .description('Импортировать план: предпросмотр, затем утверждение')
    .action(async (file: string, options: ImportOptions) => {
      const bytes = fs.readFileSync(file);
      const staffJson = options.staff ? fs.readFileSync(options.staff, 'utf8') : undefined;
      if (options.dryRun) {
        const preview = await withBar('Строки', (onProgress) =>
          buildPreview({
            schoolId: options.school,
            ...(options.year ? { academicYear: options.year } : {}),
            defaultAcademicYear: academicYearOf(new Date()),
            fileName: path.basename(file),
            bytes,
            directory: directoryFromJson(staffJson),
            onProgress,
          }),
        );
        write(options.json ? JSON.stringify(dryRunJson(preview), null, 2) : describe(preview));
        return;
      }
      const preview = await answer(
        cliApi(options).POST('/plans/import', {
          body: multipart(form(bytes, path.basename(file), options, staffJson)),
        }),
      );
      const pastWindows = pastChoices(options);
      write(
        options.json ? JSON.stringify(preview, null, 2) : describe(preview as PlanPreview, preview.changes),
      );
      if (!options.json) write(describePast(preview.pastWindows ?? [], pastWindows !== undefined));
      if (!options.yes) {
        write(`\nЧтобы утвердить: повторите команду с --yes (импорт ${preview.importId})`);
        return;
      }
      write(summaryOf(await approve(options, String(preview.importId), pastWindows ? { pastWindows } : {})));
    });
  registerTemplate(plan);
  registerNextYear(plan);
}

interface NextYearOptions extends ApiOptions {
  school: string;
  from?: string;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
}

/**
 * `plans next-year --school … [--from 2025/26] [--dry-run] [--json] [--yes]`: this year's approved plan as next
 * year's through the running API. The preview changes nothing (--dry-run stops there); --yes approves it through
 * the plan's own approval, which schedules the procedures with links to their predecessors.
 */
function registerNextYear(plan: Command): void {
  withApi(
    plan
      .command('next-year')
      .description(
        'План на следующий учебный год из утверждённого плана этого: предпросмотр, затем утверждение',
      )
      .requiredOption('--school <id>', 'школа')
      .option('--from <year>', 'учебный год, план которого копируется (по умолчанию — текущий)')
      .option('--dry-run', 'только предпросмотр: ничего не утверждать')
      .option('--yes', 'сразу утвердить'),
  ).action(async (o: NextYearOptions) => {
    const fromYear = o.from ?? academicYearOf(new Date());
    const preview = await answer(
      cliApi(o).POST('/plans/next-year', { body: { schoolId: o.school, fromYear } }),
    );
    write(o.json ? JSON.stringify(preview, null, 2) : describeNextYear(preview));
    if (o.dryRun) return;
    if (!o.yes) {
      if (!o.json) write(`\nЧтобы утвердить: повторите команду с --yes (импорт ${preview.importId})`);
      return;
    }
    const result = await approve(o, String(preview.importId), {});
    write(o.json ? JSON.stringify(result, null, 2) : summaryOf(result));
  });
}

function describeNextYear(p: Json): string {
  const n = p.nextYear as Json;
  const lines = [
    `План ${p.academicYear} из утверждённого плана ${n.fromYear}: процедур ${p.procedures.length}, ` +
      `помечено для проверки ${n.flagged}` +
      (n.templateRowsLeftOut ? `, строк шаблонов района не скопировано ${n.templateRowsLeftOut}` : '') +
      (n.calendarApplied ? '; применён календарь школы' : '; календаря школы на этот год нет'),
  ];
  for (const r of n.rows as Json[]) {
    lines.push(
      `  ${r.window.from}…${r.window.to}  ${r.title}  (было ${r.previousWindow.from}…${r.previousWindow.to})`,
    );
    for (const f of r.flags as Json[]) lines.push(`      ! ${f.message}`);
  }
  return lines.join('\n');
}

/** A template command's options: the API's, and its own named ones. */
type CommandOptions = ApiOptions & Record<string, string>;

const withApi = (command: Command) =>
  command
    .option('--api <url>', 'адрес API', process.env.VSOKO_API_URL ?? 'http://127.0.0.1:3000')
    .option('--token <token>', 'токен входа (POST /auth/login)', process.env.VSOKO_TOKEN)
    .option('--actor <id>', 'пользователь (временная замена входа)', process.env.VSOKO_ACTOR_ID ?? 'cli')
    .option('--role <role>', 'роль пользователя', process.env.VSOKO_ACTOR_ROLE ?? 'director')
    .option('--json', 'вывести ответ API как JSON');

/**
 * `plan template publish FILE --district … --id …` (district inspector) and `plan template adopt|pending|accept
 * --school … --template …` (the school's administration), all through the HTTP API.
 */
function registerTemplate(plan: Command): void {
  const template = plan
    .command('template')
    .description('Шаблоны планов района: публикация и принятие школой');
  withApi(
    template
      .command('publish')
      .argument('<file>', 'таблица шаблона: .docx, .xlsx, .csv или .json')
      .requiredOption('--district <id>', 'идентификатор района')
      .requiredOption('--id <templateId>', 'идентификатор шаблона')
      .option('--title <title>', 'название шаблона')
      .option('--year <year>', 'учебный год, например 2023/24 (по умолчанию — текущий)')
      .option('--expected-version <n>', 'версия, которую вы видели (защита от одновременной правки)'),
  )
    .description('Опубликовать шаблон или его новую версию')
    .action(async (file: string, o: CommandOptions) => {
      const body = new FormData();
      body.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
      body.append('districtId', o.district);
      body.append('templateId', o.id);
      body.append('title', o.title ?? o.id);
      body.append('academicYear', o.year ?? academicYearOf(new Date()));
      if (o.expectedVersion) body.append('expectedVersion', o.expectedVersion);
      const result = await answer(cliApi(o).POST('/plans/templates', { body: multipart(body) }));
      if (o.json) return write(JSON.stringify(result, null, 2));
      write(
        result.recorded
          ? `Опубликована версия ${result.version} шаблона ${o.id}: строк ${result.rows.length}`
          : `Шаблон ${o.id} не изменился: версия ${result.version}`,
      );
      for (const r of result.rows) write(`  ${r.rowKey}  ${r.window.from}…${r.window.to}  ${r.title}`);
      for (const w of result.warnings) write(`  строка ${w.row}: ${w.message}`);
    });
  withApi(
    template
      .command('adopt')
      .requiredOption('--school <id>', 'идентификатор школы')
      .requiredOption('--template <id>', 'идентификатор шаблона')
      .option('--rows <keys>', 'ключи строк через запятую (по умолчанию — все)')
      .option('--version <n>', 'версия шаблона (по умолчанию — последняя)')
      .option('--yes', 'сразу утвердить'),
  )
    .description('Принять шаблон в план школы: предпросмотр, затем утверждение')
    .action(async (o: ApiOptions & Record<string, string | boolean>) => {
      const body = {
        schoolId: String(o.school),
        ...(o.rows
          ? {
              rows: String(o.rows)
                .split(',')
                .map((k) => k.trim()),
            }
          : {}),
        ...(o.version ? { version: Number(o.version) } : {}),
      };
      const preview = await answer(
        cliApi(o).POST('/plans/templates/{templateId}/adopt', {
          params: { path: { templateId: String(o.template) } },
          body,
        }),
      );
      if (o.json && !o.yes) return write(JSON.stringify(preview, null, 2));
      write(describeAdoption(preview));
      if (!o.yes) return write(`\nЧтобы утвердить: повторите команду с --yes (импорт ${preview.importId})`);
      const result = await approve(o, String(preview.importId));
      write(summaryOf(result));
    });
  withApi(
    template
      .command('pending')
      .requiredOption('--school <id>', 'идентификатор школы')
      .requiredOption('--template <id>', 'идентификатор шаблона'),
  )
    .description('Что изменилось в шаблоне с версии, принятой школой')
    .action(async (o: CommandOptions) => {
      const pending = await answer(
        cliApi(o).GET('/plans/templates/{templateId}/pending', {
          params: { path: { templateId: o.template }, query: { schoolId: o.school } },
        }),
      );
      write(o.json ? JSON.stringify(pending, null, 2) : describeAdoption(pending));
    });
  withApi(
    template
      .command('accept')
      .requiredOption('--school <id>', 'идентификатор школы')
      .requiredOption('--template <id>', 'идентификатор шаблона')
      .option('--rows <keys>', 'взять и эти строки, не принятые раньше (через запятую)'),
  )
    .description('Принять последнюю версию шаблона')
    .action(async (o: CommandOptions) => {
      const body = {
        schoolId: o.school,
        ...(o.rows ? { rows: o.rows.split(',').map((k) => k.trim()) } : {}),
      };
      const result = await answer(
        cliApi(o).POST('/plans/templates/{templateId}/accept', {
          params: { path: { templateId: o.template } },
          body,
        }),
      );
      write(o.json ? JSON.stringify(result, null, 2) : summaryOf(result));
    });
}

function describeAdoption(p: Json): string {
  const c = p.changes as Json;
  const lines = [
    `Шаблон «${p.title}», версия ${p.version}` +
      (p.previousVersion ? ` (в плане школы — версия ${p.previousVersion})` : '') +
      (p.pending ? '' : ': план школы уже соответствует'),
    `Добавить ${c.added.length}, перенести ${c.rescheduled.length}, отменить ${c.cancelled.length}, ` +
      `без изменений ${c.unchanged}`,
  ];
  for (const c2 of c.cancelled) lines.push(`  отменить ${c2.procedureId}: ${c2.reason}`);
  for (const r of p.notAdopted ?? []) lines.push(`  не принята: ${r.rowKey}  ${r.title}`);
  return lines.join('\n');
}

function summaryOf(result: Json): string {
  const lines = [
    `Утверждено: запланировано ${result.scheduled.length}, уже были ${result.alreadyThere.length}, ` +
      `перенесено ${result.rescheduled.length}, отменено ${result.cancelled.length}, ошибок ${result.failed.length}`,
  ];
  if (result.performed?.length || result.keptOverdue?.length) {
    lines.push(
      `Прошедшие строки: отмечено проведёнными ${result.performed?.length ?? 0}, ` +
        `оставлено просроченными ${result.keptOverdue?.length ?? 0} (напоминания пойдут постепенно)`,
    );
  }
  for (const f of result.failed) lines.push(`  ${f.procedureId}: ${f.code} ${f.message}`);
  if (result.failed.length > 0) process.exitCode = 2;
  return lines.join('\n');
}

/** One entry per source row, dates as ISO: what `--dry-run --json` promises. */
export function dryRunJson(preview: PlanPreview) {
  return {
    importId: preview.importId,
    schoolId: preview.schoolId,
    academicYear: preview.academicYear,
    academicYearFrom: preview.academicYearFrom,
    ...(preview.heading ? { heading: preview.heading } : {}),
    source: preview.source,
    layout: preview.layout,
    summary: preview.summary,
    rows: preview.entries.map((e) => ({
      row: e.row,
      location: e.location,
      became: e.became,
      text: e.text,
      ...(e.section ? { section: e.section } : {}),
      ...(e.direction ? { direction: e.direction } : {}),
      ...(e.responsible ? { responsible: e.responsible } : {}),
      ...(e.deadline ? { deadline: e.deadline } : {}),
      ...(e.window ? { window: e.window } : {}),
      ...(e.occurrences ? { occurrences: e.occurrences } : {}),
      ...(e.procedureIds ? { procedureIds: e.procedureIds } : {}),
      warnings: e.warnings,
    })),
    warnings: preview.warnings,
  };
}

const YEAR_FROM: Record<string, string> = {
  heading: ' (из заголовка плана)',
  default: ' (текущий: в заголовке плана год не указан)',
};

function describe(preview: PlanPreview, changes?: Record<string, unknown[] | number>): string {
  const s = preview.summary;
  const lines = [
    `Файл ${preview.source.fileName} (${preview.source.format}, ${preview.source.rows} строк), ` +
      `${preview.academicYear} учебный год${YEAR_FROM[preview.academicYearFrom] ?? ''}`,
    `Процедур: ${s.procedures}; разделов: ${s.section}; пустых: ${s.empty}; заголовков: ${s.header}; ` +
      `строк с предупреждением: ${s.warning}`,
  ];
  if (changes) {
    const n = (k: string) => (Array.isArray(changes[k]) ? (changes[k] as unknown[]).length : 0);
    lines.push(
      `Изменения плана: добавить ${n('added')}, перенести ${n('rescheduled')}, отменить ${n('cancelled')}, ` +
        `изменён текст ${n('amended')}, без изменений ${String(changes.unchanged ?? 0)}`,
    );
  }
  for (const w of preview.warnings)
    lines.push(w.row > 0 ? `  строка ${w.row}: ${w.message}` : `  ${w.message}`);
  return lines.join('\n');
}

/** `--past` for every past row and `--past-row id=…` for single rows, as the API's `pastWindows`. */
function pastChoices(options: ImportOptions): Json | undefined {
  const rows = (options.pastRow ?? []).map((spec) => {
    const at = spec.indexOf('=');
    if (at < 1) throw new Error(`--past-row: ожидается id=выбор, получено «${spec}»`);
    return { procedureId: spec.slice(0, at), ...choiceOf(spec.slice(at + 1)) };
  });
  if (!options.past && rows.length === 0) return undefined;
  return { ...(options.past ? { all: choiceOf(options.past) } : {}), ...(rows.length ? { rows } : {}) };
}

function choiceOf(text: string): Json {
  const [action, ...rest] = text.split(':');
  const value = rest.join(':').trim();
  if (action === 'overdue') return { action: 'overdue' };
  if (action === 'performed' && value) return { action: 'performed', performedOn: value };
  if ((action === 'cancel' || action === 'cancelled') && value) return { action: 'cancelled', reason: value };
  throw new Error(
    `выбор для прошедших строк: overdue, performed:ГГГГ-ММ-ДД или cancel:причина — получено «${text}»`,
  );
}

function describePast(past: Json[], chosen: boolean): string {
  if (past.length === 0) return '';
  const lines = [`Срок уже прошёл у ${past.length} новых строк:`];
  for (const p of past) lines.push(`  ${p.procedureId}  ${p.window.from}…${p.window.to}  ${p.title}`);
  if (!chosen) {
    lines.push(
      'Без выбора они останутся просроченными (напоминания пойдут постепенно). Иначе: --past performed:ГГГГ-ММ-ДД, ' +
        '--past cancel:причина или --past-row id=… для отдельных строк',
    );
  }
  return lines.join('\n');
}

/** Without --year the API takes the year from the plan's heading, else the current one. */
function form(bytes: Buffer, name: string, options: ImportOptions, staff?: string): FormData {
  const body = new FormData();
  body.append('file', new Blob([bytes]), name);
  body.append('schoolId', options.school);
  if (options.year) body.append('academicYear', options.year);
  if (staff) body.append('staff', staff);
  return body;
}

/**
 * Approval runs as a workflow in the system: the CLI asks for it to start (202 at once), then follows its
 * progress (GET /plans/imports/:id/approval) with a progress bar. Interrupting the CLI does not stop it.
 */
async function approve(options: ApiOptions, importId: string, body: Json = {}): Promise<Json> {
  const api = cliApi(options);
  const path = { importId };
  const approval = await answer(
    api.POST('/plans/imports/{importId}/approve', {
      params: { path },
      headers: { prefer: 'respond-async' },
      body,
    }),
  );
  return withBar('Процедуры', async (onProgress) => {
    for (;;) {
      const progress = await answer(api.GET('/plans/imports/{importId}/approval', { params: { path } }));
      onProgress(progress.done, progress.total);
      if (progress.status === 'completed') return { ...approval, ...progress.report };
      if (progress.status === 'failed')
        throw new Error(`утверждение ${String(approval.workflowId)} не завершилось`);
      await new Promise((r) => setTimeout(r, 300));
    }
  });
}

/** A progress bar on stderr for files of more than a screenful; stdout stays clean for --json. */
async function withBar<T>(
  label: string,
  work: (onProgress: (done: number, total: number) => void) => Promise<T>,
) {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, clearOnComplete: true },
    Presets.shades_classic,
  );
  let started = false;
  try {
    return await work((done, total) => {
      if (!started && total > 50 && process.stderr.isTTY) {
        bar.start(total, done);
        started = true;
      } else if (started) bar.update(done);
    });
  } finally {
    if (started) bar.stop();
  }
}

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}
