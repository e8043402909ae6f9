import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { DirectoryProjector, hashSecret, migrateLegacyDirectory } from '@vsoko/accounts';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { json, startServices, type JsonBody, type Services } from '../harness';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const PASSWORD = 'vsoko-demo';

/**
 * `seed demo` creates the demo district through the administration API (issue 14, item 6), runs twice to the same
 * state, and an installation whose demo accounts were written by the old seed keeps signing them in.
 */
describe('seed demo through the administration API, and accounts from before events', () => {
  let s: Services;

  beforeAll(async () => {
    process.env.AUTH_DEV_HEADERS = 'false';
    s = await startServices({ worker: false });
  });
  afterAll(async () => {
    await s?.stop();
    delete process.env.AUTH_DEV_HEADERS;
  });

  const signIn = async (login: string) => {
    const res = await fetch(`${s.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: PASSWORD }),
    });
    expect({ login, status: res.status }).toEqual({ login, status: 200 });
    return { Authorization: `Bearer ${((await json(res)) as JsonBody).token as string}` };
  };
  const me = async (login: string) =>
    (await json(await fetch(`${s.baseUrl}/auth/me`, { headers: await signIn(login) }))) as JsonBody;
  const seed = () =>
    run(
      process.execPath,
      [
        'infra/scripts/run-ts.js',
        'services/cli/src/main.ts',
        'seed',
        'demo',
        '--no-plan',
        '--api',
        s.baseUrl,
      ],
      {
        cwd: ROOT,
        env: process.env,
      },
    );

  it('moves the old seed’s documents onto the log once: same logins, same passwords, positions for roles', async () => {
    const passwordHash = await hashSecret(PASSWORD);
    await s.db.collection('districts').insertOne({
      _id: 'demo-district' as never,
      name: 'Демонстрационный район',
      schoolIds: ['demo-school-1'],
    });
    await s.db.collection('schools').insertOne({
      _id: 'demo-school-1' as never,
      districtId: 'demo-district',
      name: 'МБОУ «Ластинская НОШ» (демо)',
    });
    await s.db.collection('users').insertMany([
      {
        _id: 'deputy.1' as never,
        name: 'Иванова Анна Петровна',
        email: 'deputy.1@demo.vsoko.local',
        passwordHash,
        memberships: [{ schoolId: 'demo-school-1', roles: ['deputy'] }],
        inspects: [],
      },
      {
        _id: 'inspector' as never,
        name: 'Морозов Игорь Валентинович',
        passwordHash,
        memberships: [],
        inspects: ['demo-district'],
      },
    ]);
    const handler = new DeciderHandler(s.store);
    const moved = await migrateLegacyDirectory(s.db, handler, new Date());
    expect(moved).toMatchObject({ districts: 1, schools: 1, people: 2 });
    await new DirectoryProjector(s.db).catchUp(s.store);
    const head = await s.store.headPosition();
    expect(await migrateLegacyDirectory(s.db, handler, new Date())).toMatchObject({ people: 0, schools: 0 });
    expect(await s.store.headPosition()).toBe(head);

    expect(await me('deputy.1')).toMatchObject({
      roles: ['deputy'],
      positions: [{ position: 'deputy-academic', schoolId: 'demo-school-1' }],
    });
    expect(await me('inspector')).toMatchObject({
      allRoles: ['inspector'],
      readableSchools: ['demo-school-1'],
    });
    const deputy = await s.db.collection('users').findOne({ _id: 'deputy.1' as never });
    expect(deputy?.passwordHash).toBeUndefined();
  });

  it('creates the district, schools and staff through the API, and a second run records nothing', async () => {
    const first = await seed();
    expect(first.stdout).toContain('Записано событий');
    // The table names positions as a school writes them, never by their codes.
    for (const title of [
      'администратор района',
      'директор',
      'заместитель директора по УВР',
      'руководитель ШМО (ШМО учителей начальных классов), учитель (математика)',
      'учитель (русский язык, литературное чтение), классный руководитель 4А',
      'педагог-психолог',
      'инспектор района',
    ])
      expect(first.stdout).toContain(title);
    expect(first.stdout).not.toMatch(
      /deputy-academic|smo-head|class-teacher|district-inspector|district-administrator/,
    );
    const head = await s.store.headPosition();
    const second = await seed();
    expect(second.stdout).toContain('ничего не записано');
    expect(await s.store.headPosition()).toBe(head);

    const schools = await s.store.readStream('district-demo-district');
    expect(schools.map((e) => e.type)).toEqual([
      'DistrictRegistered',
      'SchoolRegistered',
      'SchoolRegistered',
    ]);
    // The second school was opened by the district administrator, signed in, through the API.
    expect(schools[2].metadata.actor).toMatchObject({ id: 'district.admin', kind: 'user' });
    const teacher = await s.store.readStream('person-teacher.2');
    expect(teacher.map((e) => [e.type, e.metadata.actor.id])).toEqual([
      ['PersonRegistered', 'director.2'],
      ['PositionAssigned', 'director.2'],
      ['PositionAssigned', 'director.2'],
    ]);

    // Every demo password is on the record, set by the seed, and on the person's audit timeline; a second run
    // (above) recorded no second one. deputy.1's and inspector's passwords came from the old seed's documents
    // (the first test), so the seed left them alone.
    for (const login of ['district.admin', 'director.2', 'teacher.2', 'librarian.1']) {
      const credentials = await s.store.readStream(`credentials-${login}`);
      expect(credentials.map((e) => [e.type, e.data, e.metadata.actor.id])).toEqual([
        ['PasswordChanged', { personId: login, byInstallation: true }, 'vsoko-seed'],
      ]);
    }
    expect(await s.store.readStream('credentials-deputy.1')).toEqual([]);
    expect(await s.store.readStream('credentials-inspector')).toEqual([]);
    const director = await signIn('director.2');
    const audit = await fetch(`${s.baseUrl}/audit?personId=teacher.2&pageSize=100&waitForPosition=${head}`, {
      headers: director,
    });
    const items = ((await json(audit)) as { items: JsonBody[] }).items;
    expect(items.filter((e) => String(e.streamName).startsWith('credentials-'))).toEqual([
      expect.objectContaining({
        type: 'PasswordChanged',
        summary: 'teacher.2: пароль задан при установке системы',
        actor: expect.objectContaining({ id: 'vsoko-seed', kind: 'system' }),
      }),
    ]);

    expect(await me('teacher.1')).toMatchObject({
      schoolId: 'demo-school-1',
      roles: ['teacher'],
      answersFor: expect.arrayContaining(['teacher', 'class-teacher']),
    });
    expect(await me('deputy.1')).toMatchObject({ roles: ['deputy'] });
    expect(await me('librarian.2')).toMatchObject({ schoolId: 'demo-school-2', answersFor: ['librarian'] });
    expect(await me('inspector')).toMatchObject({ readableSchools: ['demo-school-1', 'demo-school-2'] });
  });
});
