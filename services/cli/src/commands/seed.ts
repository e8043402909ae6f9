import type { Command } from 'commander';
import { Directory, type SchoolRole } from '@vsoko/accounts';
import { loadConfig } from '@vsoko/config';
import { MongoClient, type Db } from 'mongodb';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seedTable, SEED_000 } from '../../../../test/fixtures/plans/seed-tables';
import { academicYearOf } from '../../../api/src/plans/academic-year';
import { answer, cliApi, multipart } from '../api';

const DISTRICT = { id: 'demo-district', name: 'Демонстрационный район' };
const SCHOOLS = [
  { id: 'demo-school-1', name: 'МБОУ «Ластинская НОШ» (демо)' },
  { id: 'demo-school-2', name: 'МБОУ «СОШ № 2» (демо)' },
];
const STAFF: { role: SchoolRole; name: string }[] = [
  { role: 'director', name: 'Смирнова Елена Викторовна' },
  { role: 'deputy', name: 'Иванова Анна Петровна' },
  { role: 'methodist', name: 'Кузнецова Ольга Николаевна' },
  { role: 'teacher', name: 'Петрова Мария Сергеевна' },
  { role: 'auditor', name: 'Соколов Андрей Игоревич' },
];
const INSPECTOR = { login: 'inspector', name: 'Морозов Игорь Валентинович' };

interface SeedOptions {
  password: string;
  api: string;
  plan: boolean;
}

/** `seed demo`: a district, two schools, their staff with sign-in, and seed 000's plan in the first school. */
export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Демонстрационные данные')
    .command('demo')
    .description('Район, две школы, сотрудники (вход: логин и пароль) и план ВСОКО первой школы')
    .option('--password <password>', 'пароль всех демонстрационных пользователей', 'vsoko-demo')
    .option('--api <url>', 'адрес API', process.env.VSOKO_API_URL ?? `http://127.0.0.1:${loadConfig().PORT}`)
    .option('--no-plan', 'не импортировать план (только учётные записи)')
    .action(async (options: SeedOptions) => {
      const config = loadConfig();
      const client = await MongoClient.connect(mongoUrl(config.VSOKO_DATA_DIR), {
        serverSelectionTimeoutMS: 5000,
      });
      try {
        const db = client.db(config.MONGODB_DB);
        const logins = await seedAccounts(db, options.password);
        write(`Район ${DISTRICT.id}, школы ${SCHOOLS.map((s) => s.id).join(', ')}`);
        for (const line of logins) write(`  ${line}`);
        write(`Пароль у всех: ${options.password}`);
      } finally {
        await client.close();
      }
      if (options.plan) await importPlan(options);
    });
}

async function seedAccounts(db: Db, password: string): Promise<string[]> {
  const directory = new Directory(db);
  await directory.putDistrict(DISTRICT);
  const lines: string[] = [];
  for (const [index, school] of SCHOOLS.entries()) {
    await directory.putSchool({ ...school, districtId: DISTRICT.id });
    for (const person of STAFF) {
      const login = `${person.role}.${index + 1}`;
      const email = `${login}@demo.vsoko.local`;
      await directory.putUser({
        login,
        name: person.name,
        email,
        password,
        memberships: [{ schoolId: school.id, roles: [person.role] }],
      });
      // The notifications worker mails staff from this collection (workflows/notifications/activities.ts).
      await db
        .collection<{ _id: string }>('staff')
        .replaceOne(
          { _id: `${school.id}:${login}` },
          { schoolId: school.id, personId: login, name: person.name, roles: [person.role], email },
          { upsert: true },
        );
      lines.push(`${login.padEnd(12)} ${person.role.padEnd(10)} ${school.id}  ${person.name}`);
    }
  }
  await directory.putUser({
    login: INSPECTOR.login,
    name: INSPECTOR.name,
    password,
    inspects: [DISTRICT.id],
  });
  lines.push(`${INSPECTOR.login.padEnd(12)} ${'inspector'.padEnd(10)} ${DISTRICT.id}  ${INSPECTOR.name}`);
  return lines;
}

/** Through the running API, as the first school's director: preview the seed 000 plan, then approve it. */
async function importPlan(options: SeedOptions): Promise<void> {
  const school = SCHOOLS[0];
  const login = await answer(
    cliApi({ api: options.api }).POST('/auth/login', {
      body: { login: 'director.1', password: options.password },
    }),
  ).catch((e: Error) => {
    throw new Error(`API ${options.api} недоступен (${e.message}): запустите npm start и повторите`);
  });
  const api = cliApi({ api: options.api, token: String(login.token) });
  const form = new FormData();
  form.append('file', new Blob([JSON.stringify(seedTable(SEED_000))]), 'plan-000.json');
  form.append('schoolId', school.id);
  form.append('academicYear', academicYearOf(new Date()));
  const preview = await answer(api.POST('/plans/import', { body: multipart(form) }));
  const result = await answer(
    api.POST('/plans/imports/{importId}/approve', {
      params: { path: { importId: String(preview.importId) } },
    }),
  );
  write(
    `План ВСОКО (seed 000) в ${school.id}: запланировано ${result.scheduled.length}, уже были ${result.alreadyThere.length}, ошибок ${result.failed.length}`,
  );
}

/** MONGODB_URL, or where `npm start` put its embedded FerretDB (it writes endpoints.json beside its data). */
function mongoUrl(dataDir: string): string {
  if (process.env.MONGODB_URL) return process.env.MONGODB_URL;
  const file = path.join(dataDir, 'endpoints.json');
  if (fs.existsSync(file)) {
    const url = (JSON.parse(fs.readFileSync(file, 'utf8')) as { MONGODB_URL?: string }).MONGODB_URL;
    if (url) return url;
  }
  throw new Error('MongoDB не найден: запустите npm start (или задайте MONGODB_URL) и повторите');
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}
