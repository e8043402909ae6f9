import type { Command } from 'commander';
import { CredentialStore, DirectoryProjector, hashSecret } from '@vsoko/accounts';
import { loadConfig } from '@vsoko/config';
import {
  type Actor,
  type CommandContext,
  credentialsDecider,
  credentialsStreamName,
  describeHolding,
  districtDecider,
  districtStreamName,
  type Holding,
  personDecider,
  personStreamName,
  POSITION_INFO,
  type PositionToAssign,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { createEventStore, type EventStore } from '@vsoko/event-store';
import { type Db, MongoClient } from 'mongodb';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seedTable, SEED_000 } from '../../../../test/fixtures/plans/seed-tables';
import { academicYearOf } from '../../../api/src/plans/academic-year';
import type { components } from '../../../../web/src/api/schema';
import { answer, ApiRefusal, cliApi, multipart, type CliApi, type Json } from '../api';

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
      const store = await createEventStore({ url: config.EVENTSTORE_URL, sqlitePath: config.eventStorePath });
      try {
        const db = client.db(config.MONGODB_DB);
        const setPassword = demoPassword(db, new DeciderHandler(store), options.password);
        const bootstrap = await registerDistrict(db, store, setPassword);
        write(`Район ${DISTRICT.id}: ${bootstrap.recorded ? 'зарегистрирован' : 'уже был'}`);
        const admin = await signIn(options.api, DISTRICT_ADMIN.login, options.password);
        const lines = [
          line(
            DISTRICT_ADMIN.login,
            POSITION_INFO['district-administrator'].title,
            DISTRICT.id,
            DISTRICT_ADMIN.name,
          ),
        ];
        let recorded = 0;
        const create = async (api: CliApi, body: PersonBody) => {
          const created = await answer(api.POST('/people', { body }));
          // Demo passwords only: real people choose theirs through an invitation (POST /auth/accounts/:id/invitation).
          await setPassword(body.login, body.positions[0]?.schoolId ?? '');
          recorded += (created.events as unknown[]).length;
          return created;
        };
        for (const [index, school] of SCHOOLS.entries()) {
          const opened = await answer(
            admin.POST('/districts/{districtId}/schools', {
              params: { path: { districtId: DISTRICT.id } },
              body: { id: school.id, name: school.name },
            }),
          );
          recorded += (opened.events as unknown[]).length;
          const director = await create(admin, personBody(DIRECTOR, index, school.id));
          lines.push(line(director.personId, titles(director), school.id, DIRECTOR.name));
          const headers = await signIn(options.api, director.personId as string, options.password);
          for (const person of STAFF) {
            const created = await create(headers, personBody(person, index, school.id));
            lines.push(line(created.personId, titles(created), school.id, person.name));
          }
        }
        const inspector = await create(admin, {
          login: INSPECTOR.login,
          fullName: INSPECTOR.name,
          positions: [{ position: 'district-inspector', districtId: DISTRICT.id }],
        });
        lines.push(line(INSPECTOR.login, titles(inspector), DISTRICT.id, INSPECTOR.name));
        for (const l of lines) write(`  ${l}`);
        write(recorded > 0 ? `Записано событий: ${recorded}` : 'Учётные записи уже были: ничего не записано');
        write(`Пароль у всех: ${options.password}`);
      } finally {
        await store.close();
        await client.close();
      }
      if (options.plan) await importPlan(options);
    });
}

/**
 * A demo person's password, set once: a password changed since (through the API) is left alone. It is set as
 * any password is, on the record first — `PasswordChanged` by the seed's system actor, so the audit trail shows
 * who set it — then the hash at that event's revision. A second run finds the hash and records nothing.
 */
function demoPassword(db: Db, handler: DeciderHandler, password: string) {
  const credentials = new CredentialStore(db);
  return async (personId: string, schoolId: string): Promise<void> => {
    if ((await credentials.passwordHashOf(personId)) !== undefined) return;
    const result = await handler.handle(
      credentialsStreamName(personId),
      credentialsDecider,
      { type: 'ChangePassword', data: { personId } },
      seedContext(`password:${personId}`, schoolId),
    );
    await credentials.setPasswordHash(personId, await hashSecret(password), result.revision, new Date());
  };
}

function seedContext(key: string, schoolId = ''): CommandContext {
  return {
    commandId: `seed-demo:${key}`,
    actor: SEED_ACTOR,
    issuedAt: new Date().toISOString(),
    correlationId: 'seed-demo',
    causationId: `seed-demo:${key}`,
    schoolId,
    districtId: DISTRICT.id,
  };
}

/** The installation's own act: the district and its administrator, through the one command handler. */
async function registerDistrict(
  db: Db,
  store: EventStore,
  setPassword: (personId: string, schoolId: string) => Promise<void>,
): Promise<{ recorded: boolean }> {
  const handler = new DeciderHandler(store);
  const ctx = (key: string) => seedContext(key);
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
  await setPassword(DISTRICT_ADMIN.login, '');
  // The API follows the log by itself; catching up here too makes the first sign-in below not wait for it.
  await new DirectoryProjector(db).catchUp(store);
  return { recorded: district.events.length + registered.events.length > 0 };
}

type PersonBody = components['schemas']['CreatePersonDto'];

function personBody(person: Person, index: number, schoolId: string): PersonBody {
  return {
    login: `${person.prefix}.${index + 1}`,
    fullName: person.name,
    email: `${person.prefix}.${index + 1}@demo.vsoko.local`,
    positions: person.positions.map((p) => ({ ...p, schoolId })),
  };
}

/** The positions the API answered, as a school writes them: «учитель (математика), классный руководитель 4А». */
function titles(created: Json): string {
  return (created.holdings as Holding[]).map((h) => describeHolding(h)).join(', ');
}

function line(login: string, what: string, scope: string, name: string): string {
  return `${login.padEnd(16)} ${what.padEnd(60)} ${scope.padEnd(14)} ${name}`;
}

/** A client acting as `login`, signed in through the API (the one CLI client, services/cli/src/api.ts). */
async function signIn(base: string, login: string, password: string): Promise<CliApi> {
  const session = await answer(
    cliApi({ api: base }).POST('/auth/login', { body: { login, password } }),
  ).catch((e: Error) => {
    const hint = e instanceof ApiRefusal ? '' : '; запущен ли npm start?';
    throw new Error(`API ${base}: вход ${login} не удался (${e.message})${hint}`);
  });
  return cliApi({ api: base, token: session.token as string });
}

/** Through the running API, as the first school's director: preview the seed 000 plan, then approve it. */
async function importPlan(options: SeedOptions): Promise<void> {
  const school = SCHOOLS[0];
  const api = await signIn(options.api, 'director.1', options.password);
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

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}
