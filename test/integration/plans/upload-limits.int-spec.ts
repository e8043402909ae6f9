import { randomUUID } from 'node:crypto';
import { nextAcademicYear } from '../../fixtures/plans/years';
import { zipBomb } from '../../fixtures/plans/zip-bomb';
import { json, startServices, type Services } from '../harness';

/**
 * Finding 2 of the hardening issue: a decompression bomb (and an oversized or foreign file) is refused with 413
 * or 400 and a Russian message, while the API keeps answering: files are parsed in worker threads, zips are
 * bounded before they are inflated.
 */
describe('uploads are bounded and parsed off the event loop', () => {
  let s: Services;
  let director: Record<string, string>;
  const schoolId = `school-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    s = await startServices({ projector: false });
    director = await s.loginAs('director', schoolId);
  });
  afterAll(async () => {
    await s?.stop();
  });

  const upload = async (bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    form.append('schoolId', schoolId);
    form.append('academicYear', nextAcademicYear().year);
    const res = await fetch(`${s.baseUrl}/plans/import`, { method: 'POST', headers: director, body: form });
    return { status: res.status, body: await json(res) };
  };

  /** Runs the upload while asking /health every 50 ms; answers the upload and the slowest /health. */
  const whileWatchingHealth = async <T>(work: () => Promise<T>) => {
    let slowest = 0;
    let answered = 0;
    let done = false;
    const watch = (async () => {
      while (!done) {
        const started = Date.now();
        const res = await fetch(`${s.baseUrl}/health`);
        await res.arrayBuffer();
        slowest = Math.max(slowest, Date.now() - started);
        answered++;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const result = await work();
    done = true;
    await watch;
    return { result, slowest, answered };
  };

  it.each([
    ['an honest', undefined],
    ['a lying', 4096],
  ])('refuses %s 500 MB .docx bomb with 413 while /health keeps answering', async (_, declaredBytes) => {
    const bomb = zipBomb({ expandedMiB: 500, declaredBytes });
    const previews = await s.db.collection('plan_imports').countDocuments();
    const { result, slowest, answered } = await whileWatchingHealth(() => upload(bomb, 'plan.docx'));
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({ code: 'UPLOAD_EXPANDS_TOO_MUCH' });
    expect(result.body.message).toMatch(/распаковывается больше/);
    expect(answered).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(1000);
    expect(await s.db.collection('plan_imports').countDocuments()).toBe(previews);
  });

  it('refuses a 500 MB .xlsx bomb with 413', async () => {
    const result = await upload(
      zipBomb({ expandedMiB: 500, declaredBytes: 4096, kind: 'xlsx' }),
      'plan.xlsx',
    );
    expect(result).toMatchObject({ status: 413, body: { code: 'UPLOAD_EXPANDS_TOO_MUCH' } });
  });

  it('refuses a file over 10 MB with 413 and the limit in Russian', async () => {
    const result = await upload(Buffer.alloc(11 * 1024 * 1024, 'a'), 'plan.csv');
    expect(result).toMatchObject({ status: 413, body: { code: 'UPLOAD_TOO_LARGE' } });
    expect(result.body.message).toContain('10 МБ');
  });

  it('refuses a file over 10 MB the same way on every upload route, a Word template in its own words', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 'a');
    const post = async (path: string, name: string, method = 'POST') => {
      const form = new FormData();
      form.append('file', new Blob([big]), name);
      form.append('schoolId', schoolId);
      const res = await fetch(`${s.baseUrl}${path}`, { method, headers: director, body: form });
      return { status: res.status, body: await json(res) };
    };
    for (const [path, name] of [
      ['/staff/imports', 'staff.xlsx'],
      ['/decisions/imports', 'otchet.xlsx'],
    ]) {
      const result = await post(path, name);
      expect({ path, ...result }).toMatchObject({ path, status: 413, body: { code: 'UPLOAD_TOO_LARGE' } });
      expect(result.body.message).toBe('Файл больше 10 МБ: загрузите файл меньшего размера');
    }
    const template = await post(
      `/schools/${schoolId}/document-templates/meeting-protocol`,
      'Протокол.docx',
      'PUT',
    );
    expect(template).toMatchObject({
      status: 413,
      body: { code: 'UPLOAD_TOO_LARGE', details: { maxBytes: 10485760 } },
    });
    expect(template.body.message).toBe('Файл шаблона больше 10 МБ: уменьшите его (уберите картинки)');
  });

  it('refuses a picture sent as a CSV plan, saying what it is', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(512, 1)]);
    const result = await upload(png, 'plan.csv');
    expect(result).toMatchObject({ status: 400, body: { code: 'FILE_NOT_A_PLAN' } });
    expect(result.body.message).toContain('PNG');
  });
});
