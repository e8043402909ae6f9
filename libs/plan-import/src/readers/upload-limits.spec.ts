import { zipBomb } from '../../../../test/fixtures/plans/zip-bomb';
import { buildPreview } from '../preview/build-preview';
import { readSource } from './index';
import { DEFAULT_UPLOAD_LIMITS } from './limits';

const MiB = 1024 * 1024;

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (e) {
    return e as { kind: string; code: string; message: string };
  }
  throw new Error('accepted');
}

describe('an uploaded plan is bounded before it is inflated', () => {
  it.each(['docx', 'xlsx'] as const)(
    'refuses a .%s declaring 500 MB from its central directory, without inflating it',
    async (kind) => {
      const bomb = zipBomb({ expandedMiB: 500, kind });
      expect(bomb.length).toBeLessThan(MiB);
      const started = Date.now();
      const e = await refusal(readSource(`plan.${kind}`, bomb));
      expect(e).toMatchObject({ kind: 'too-large', code: 'UPLOAD_EXPANDS_TOO_MUCH' });
      expect(e.message).toContain('32 МБ');
      expect(Date.now() - started).toBeLessThan(1000);
    },
  );

  it.each(['docx', 'xlsx'] as const)(
    'stops a .%s whose headers claim 4 kB but inflate to 500 MB at the limit, holding little memory',
    async (kind) => {
      const bomb = zipBomb({ expandedMiB: 500, declaredBytes: 4096, kind });
      const before = process.memoryUsage().rss;
      const e = await refusal(readSource(`plan.${kind}`, bomb));
      expect(e).toMatchObject({ kind: 'too-large', code: 'UPLOAD_EXPANDS_TOO_MUCH' });
      expect(process.memoryUsage().rss - before).toBeLessThan(100 * MiB);
    },
  );

  it('refuses a zip of more parts than allowed, before reading any', async () => {
    const e = await refusal(readSource('plan.docx', zipBomb({ expandedMiB: 1, extraEntries: 1001 })));
    expect(e).toMatchObject({ code: 'UPLOAD_TOO_MANY_ENTRIES' });
    expect(e.message).toContain('1000');
  });

  it('refuses a file over the byte limit, and every limit can be lowered', async () => {
    const limits = { ...DEFAULT_UPLOAD_LIMITS, maxBytes: 1024 };
    const e = await refusal(readSource('plan.csv', Buffer.alloc(2048, 'a'), limits));
    expect(e).toMatchObject({ kind: 'too-large', code: 'UPLOAD_TOO_LARGE' });
    const tight = { ...DEFAULT_UPLOAD_LIMITS, maxExpandedBytes: 2 * MiB };
    const bomb = zipBomb({ expandedMiB: 3 });
    expect(await refusal(readSource('plan.docx', bomb, tight))).toMatchObject({
      code: 'UPLOAD_EXPANDS_TOO_MUCH',
    });
  });
});

describe('a file that holds no plan table is refused with the reason', () => {
  const preview = (fileName: string, bytes: Buffer) =>
    buildPreview({ schoolId: 'school-1', academicYear: '2030/31', fileName, bytes });
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 7)]);

  it('a picture sent as a CSV plan says it is a picture', async () => {
    const e = await refusal(preview('plan.csv', png));
    expect(e).toMatchObject({ kind: 'validation', code: 'FILE_NOT_A_PLAN' });
    expect(e.message).toContain('изображение PNG');
    expect(await refusal(preview('plan.png', png))).toMatchObject({ code: 'FILE_NOT_A_PLAN' });
  });

  it('binary content without a known signature is not read as a table', async () => {
    const e = await refusal(preview('plan.csv', Buffer.from([1, 2, 3, 0, 5, 6, 7, 8, 9, 0x3b, 0x3b, 0x3b])));
    expect(e).toMatchObject({ code: 'FILE_NOT_A_PLAN' });
  });

  it('a letter in plain text has no plan table', async () => {
    const text = 'Уважаемые коллеги!\nНаправляем план работы на год.\nС уважением, директор';
    const e = await refusal(preview('plan.csv', Buffer.from(text)));
    expect(e).toMatchObject({ code: 'PLAN_TABLE_NOT_FOUND' });
    expect(e.message).toContain('не найдена таблица плана');
  });

  it('a table with a header but no procedure says why its rows are not procedures', async () => {
    const csv = '№;Мероприятие;Срок;Ответственный;Результат\n1;;;;\n';
    const e = await refusal(preview('plan.csv', Buffer.from(csv)));
    expect(e).toMatchObject({ code: 'PLAN_TABLE_NOT_FOUND' });
    expect(e.message).toContain('ни одна её строка не стала процедурой');
  });

  it('still reads a CSV saved by Russian Excel in Windows-1251', async () => {
    const csv =
      '№;Мероприятие;Срок;Ответственный;Результат\n1;ВПР по математике;апрель;Заместитель директора по УВР;Справка\n';
    const cp1251 = Buffer.from(
      [...csv].map((ch) => {
        const code = ch.codePointAt(0)!;
        if (code < 0x80) return code;
        if (ch === 'ё') return 0xb8;
        if (ch === 'Ё') return 0xa8;
        return code - 0x410 + 0xc0;
      }),
    );
    const result = await preview('plan.csv', cp1251);
    expect(result.procedures.map((p) => p.title)).toEqual(['ВПР по математике']);
  });
});
