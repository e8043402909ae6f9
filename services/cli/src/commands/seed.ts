import type { Command } from 'commander';
import { CredentialStore, DirectoryProjector, hashSecret } from '@vsoko/accounts';
import { loadConfig } from '@vsoko/config';
import {
  type Actor,
  type CommandContext,
  districtDecider,
  districtStreamName,
  personDecider,
  personStreamName,
  type PositionToAssign,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { createEventStore } from '@vsoko/event-store';
import { type Db, MongoClient } from 'mongodb';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seedTable, SEED_000 } from '../../../../test/fixtures/plans/seed-tables';
import { academicYearOf } from '../../../api/src/plans/academic-year';

const DISTRICT = { id: 'demo-district', name: 'Демонстрационный район' };
const DISTRICT_ADMIN = { login: 'district.admin', name: 'Волкова Татьяна Андреевна' };
const SCHOOLS = [
  { id: 'demo-school-1', name: 'МБОУ «Ластинская НОШ» (демо)' },
  { id: 'demo-school-2', name: 'МБОУ «СОШ № 2» (демо)' },
];

interface Person {
  /** Login prefix: `<prefix>.<school number>`. */
  prefix: string;
  name: string;
  positions: Omit<PositionToAssign, 'schoolId'>[];
}

const DIRECTOR: Person = {
  prefix: 'director',
  name: 'Смирнова Елена Викторовна',
  positions: [{ position: 'director' }],
};

/** The staff a director adds; the first five are the demo accounts of old, with the same logins. */
const STAFF: Person[] = [
  { prefix: 'deputy', name: 'Иванова Анна Петровна', positions: [{ position: 'deputy-academic' }] },
  { prefix: 'methodist', name: 'Кузнецова Ольга Николаевна', positions: [{ position: 'methodist' }] },
  {
    prefix: 'teacher',
    name: 'Петрова Мария Сергеевна',
    positions: [
      { position: 'teacher', subjects: ['русский язык', 'литературное чтение'] },
      { position: 'class-teacher', className: '4А' },
    ],
  },
  { prefix: 'auditor', name: 'Соколов Андрей Игоревич', positions: [{ position: 'auditor' }] },
  {
    prefix: 'smo',
    name: 'Никитина Светлана Юрьевна',
    positions: [
      { position: 'smo-head', association: 'ШМО учителей начальных классов' },
      { position: 'teacher', subjects: ['математика'] },
    ],
  },
  { prefix: 'psychologist', name: 'Лебедева Ирина Олеговна', positions: [{ position: 'psychologist' }] },
  { prefix: 'librarian', name: 'Орлова Галина Петровна', positions: [{ position: 'librarian' }] },
];
const INSPECTOR = { login: 'inspector', name: 'Морозов Игорь Валентинович' };

const SEED_ACTOR: Actor = { id: 'vsoko-seed', kind: 'system', name: 'vsoko seed demo' };

interface SeedOptions {
  password: string;
  api: string;
  plan: boolean;
}

/**
 * `seed demo`: the installation registers a district and its administrator (the one act with no one to sign in
 * yet); then, through the running API as people do, the administrator opens two schools and appoints their
 * directors, the directors add their staff, and the first school imports seed 000's plan. Running it again
 * records nothing new: every act finds itself already done.
 */
export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Демонстрационные данные')
    .command('demo')
    .description(
      'Район, две школы, сотрудники с должностями (вход: логин и пароль) и план ВСОКО первой школы',
    )
    .option('--password <password>', 'пароль всех демонстрационных пользователей', 'vsoko-demo')
    .option('--api <url>', 'адрес API', process.env.VSOKO_API_URL ?? `http://127.0.0.1:${loadConfig().PORT}`)
    .option('--no-plan', 'не импортировать план (только учётные записи)')
    .action(async (options: SeedOptions) => {
      const config = loadConfig();
      const client = await MongoClient.connect(mongoUrl(config.VSOKO_DATA_DIR), {
        serverSelectionTimeoutMS: 5000,
      });
      const api = new Api(options.api);
      try {
        const db = client.db(config.MONGODB_DB);
        const bootstrap = await registerDistrict(db, options.password);
        write(`Район ${DISTRICT.id}: ${bootstrap.recorded ? 'зарегистрирован' : 'уже был'}`);
        const admin = await api.signIn(DISTRICT_ADMIN.login, options.password);
        const lines = [line(DISTRICT_ADMIN.login, 'администратор района', DISTRICT.id, DISTRICT_ADMIN.name)];
        let recorded = 0;
        const create = async (headers: Record<string, string>, body: Json) => {
          const created = await api.post('/people', headers, body);
          // Demo passwords only: real people choose theirs through an invitation (POST /auth/accounts/:id/invitation).
          await demoPassword(db, String(body.login), options.password);
          recorded += created.events.length;
          return created;
        };
        for (const [index, school] of SCHOOLS.entries()) {
          const opened = await api.post(`/districts/${DISTRICT.id}/schools`, admin, {
            id: school.id,
            name: school.name,
          });
          recorded += opened.events.length;
          const director = await create(admin, personBody(DIRECTOR, index, school.id));
          lines.push(line(director.personId, 'директор', school.id, DIRECTOR.name));
          const headers = await api.signIn(director.personId, options.password);
          for (const person of STAFF) {
            const created = await create(headers, personBody(person, index, school.id));
            lines.push(line(created.personId, titles(created), school.id, person.name));
          }
        }
        await create(admin, {
          login: INSPECTOR.login,
          fullName: INSPECTOR.name,
          positions: [{ position: 'district-inspector', districtId: DISTRICT.id }],
        });
        lines.push(line(INSPECTOR.login, 'инспектор района', DISTRICT.id, INSPECTOR.name));
        for (const l of lines) write(`  ${l}`);
        write(recorded > 0 ? `Записано событий: ${recorded}` : 'Учётные записи уже были: ничего не записано');
        write(`Пароль у всех: ${options.password}`);
      } finally {
        await client.close();
      }
      if (options.plan) await importPlan(api, options);
    });
}

/** A demo person's password, set once: a password changed since (through the API) is left alone. */
async function demoPassword(db: Db, personId: string, password: string): Promise<void> {
  const store = new CredentialStore(db);
  if ((await store.passwordHashOf(personId)) !== undefined) return;
  // Revision -1: below any event of the person's credentials stream, so a later change always wins.
  await store.setPasswordHash(personId, await hashSecret(password), -1, new Date());
}

/** The installation's own act: the district and its administrator, through the one command handler. */
async function registerDistrict(db: Db, password: string): Promise<{ recorded: boolean }> {
  const config = loadConfig();
  const store = await createEventStore({ url: config.EVENTSTORE_URL, sqlitePath: config.eventStorePath });
  try {
    const handler = new DeciderHandler(store);
    const ctx = (key: string): CommandContext => ({
      commandId: `seed-demo:${key}`,
      actor: SEED_ACTOR,
      issuedAt: new Date().toISOString(),
      correlationId: 'seed-demo',
      causationId: `seed-demo:${key}`,
      schoolId: '',
      districtId: DISTRICT.id,
    });
    const system = { kind: 'system' } as const;
    const district = await handler.handle(
      districtStreamName(DISTRICT.id),
      districtDecider,
      { type: 'RegisterDistrict', data: { districtId: DISTRICT.id, name: DISTRICT.name, authority: system } },
      ctx('district'),
    );
    const stream = personStreamName(DISTRICT_ADMIN.login);
    const registered = await handler.handle(
      stream,
      personDecider,
      {
        type: 'RegisterPerson',
        data: { personId: DISTRICT_ADMIN.login, fullName: DISTRICT_ADMIN.name, authority: system },
      },
      ctx('district-admin'),
    );
    await handler.handle(
      stream,
      personDecider,
      {
        type: 'AssignPosition',
        data: {
          personId: DISTRICT_ADMIN.login,
          holding: { position: 'district-administrator', districtId: DISTRICT.id },
          authority: system,
        },
      },
      ctx('district-admin-position'),
    );
    await demoPassword(db, DISTRICT_ADMIN.login, password);
    // The API follows the log by itself; catching up here too makes the first sign-in below not wait for it.
    await new DirectoryProjector(db).catchUp(store);
    return { recorded: district.events.length + registered.events.length > 0 };
  } finally {
    await store.close();
  }
}

function personBody(person: Person, index: number, schoolId: string): Json {
  return {
    login: `${person.prefix}.${index + 1}`,
    fullName: person.name,
    email: `${person.prefix}.${index + 1}@demo.vsoko.local`,
    positions: person.positions.map((p) => ({ ...p, schoolId })),
  };
}

function titles(created: Json): string {
  return (created.holdings as { position: string; className?: string }[])
    .map((h) => h.position + (h.className ? ` ${h.className}` : ''))
    .join(', ');
}

function line(login: string, what: string, scope: string, name: string): string {
  return `${login.padEnd(16)} ${what.padEnd(34)} ${scope.padEnd(14)} ${name}`;
}

/** Through the running API, as the first school's director: preview the seed 000 plan, then approve it. */
async function importPlan(api: Api, options: SeedOptions): Promise<void> {
  const school = SCHOOLS[0];
  const headers = await api.signIn('director.1', options.password);
  const form = new FormData();
  form.append('file', new Blob([JSON.stringify(seedTable(SEED_000))]), 'plan-000.json');
  form.append('schoolId', school.id);
  form.append('academicYear', academicYearOf(new Date()));
  const preview = await api.post('/plans/import', headers, form);
  const result = await api.post(`/plans/imports/${String(preview.importId)}/approve`, headers);
  write(
    `План ВСОКО (seed 000) в ${school.id}: запланировано ${result.scheduled.length}, уже были ${result.alreadyThere.length}, ошибок ${result.failed.length}`,
  );
}

// The API's answers are plain JSON checked by the server; the seed reads the few fields it prints.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

class Api {
  constructor(private readonly base: string) {}

  async signIn(login: string, password: string): Promise<Record<string, string>> {
    const session = await this.post('/auth/login', {}, { login, password }).catch((e: Error) => {
      throw new Error(`API ${this.base}: вход ${login} не удался (${e.message}); запущен ли npm start?`);
    });
    return { Authorization: `Bearer ${session.token as string}` };
  }

  async post(route: string, headers: Record<string, string>, body?: Json | FormData): Promise<Json> {
    const json = body !== undefined && !(body instanceof FormData);
    const res = await fetch(new URL(route, this.base), {
      method: 'POST',
      headers: { ...headers, ...(json ? { 'content-type': 'application/json' } : {}) },
      ...(body === undefined ? {} : { body: json ? JSON.stringify(body) : (body as FormData) }),
    });
    const answer = (await res.json()) as Json;
    if (!res.ok) throw new Error(`${route}: ${answer.code ?? res.status} ${answer.message ?? ''}`);
    return answer;
  }
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

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}
