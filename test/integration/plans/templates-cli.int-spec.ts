import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { xlsxOf } from '../../fixtures/plans/build-files';
import { nextAcademicYear } from '../../fixtures/plans/years';
import { login, putAccount, putDistrict } from '../auth/accounts';
import { startServices, type Services } from '../harness';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const NEXT = nextAcademicYear();

describe('CLI: plan template publish and adopt through the running API', () => {
  let s: Services;
  const tag = randomUUID().slice(0, 8);
  const districtId = `district-${tag}`;
  const schoolId = `school-${tag}`;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    s = await startServices({ projector: false });
    await putDistrict(s, districtId, [schoolId]);
    await putAccount(s, {
      login: `inspector-${tag}`,
      name: 'Инспектор',
      role: 'inspector',
      scope: districtId,
    });
    await putAccount(s, { login: `director-${tag}`, name: 'Директор', role: 'director', scope: schoolId });
    for (const role of ['inspector', 'director']) {
      tokens[role] = (await login(s.baseUrl, `${role}-${tag}`)).Authorization.slice('Bearer '.length);
    }
  });
  afterAll(async () => {
    await s?.stop();
  });

  /** The CLI as an administrator runs it: signed in, the token in VSOKO_TOKEN. */
  const vsoko = async (args: string[], role: string) => {
    const { stdout } = await run(
      process.execPath,
      ['infra/scripts/run-ts.js', 'services/cli/src/main.ts', ...args, '--api', s.baseUrl],
      { cwd: ROOT, env: { ...process.env, VSOKO_TOKEN: tokens[role] } },
    );
    return stdout;
  };

  it('publishes a template from a file, adopts one chosen row with --yes, and schedules it', async () => {
    const file = path.join(s.dataDir, 'vpr.xlsx');
    const table = [
      ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Результат'],
      ['1', 'ВПР по математике, 4 класс', 'апрель', 'Заместитель директора по УВР', 'Справка'],
      ['2', 'ВПР по русскому языку, 4 класс', 'апрель', 'Заместитель директора по УВР', 'Справка'],
    ];
    fs.writeFileSync(file, await xlsxOf(table));
    const published = await vsoko(
      ['plan', 'template', 'publish', file, '--district', districtId, '--id', 'vpr', '--year', NEXT.year],
      'inspector',
    );
    expect(published).toContain('Опубликована версия 1 шаблона vpr: строк 2');
    const mathKey = /(r-[0-9a-f]{12}) .*ВПР по математике/.exec(published)![1];

    const adopted = await vsoko(
      ['plan', 'template', 'adopt', '--school', schoolId, '--template', 'vpr', '--rows', mathKey, '--yes'],
      'director',
    );
    expect(adopted).toContain('Добавить 1, перенести 0, отменить 0');
    expect(adopted).toContain('Утверждено: запланировано 1, уже были 0');
    const plan = await s.store.readStream(`plan-${schoolId}-${NEXT.stream}`);
    expect(plan[0].data).toMatchObject({ templateId: 'vpr', templateVersion: 1, procedures: 1 });

    const pending = await vsoko(
      ['plan', 'template', 'pending', '--school', schoolId, '--template', 'vpr'],
      'director',
    );
    expect(pending).toContain('план школы уже соответствует');
  });
});
