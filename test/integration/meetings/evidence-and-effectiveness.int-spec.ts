import { createHash, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { json, startServices, type Services } from '../harness';
import { heldPedsovet, posts } from './support/fixture';

const SCHOOL = 'school-ev';
const YEAR = '2023/24';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A decision that requires evidence is not executed without it; an uploaded file is kept by its SHA-256 and
 * downloads with that hash; «не эффективно» puts the decision on the next meeting's proposed agenda.
 */
describe('evidence and effectiveness of a decision', () => {
  let s: Services;
  let director: Record<string, string>;
  let head = 0;
  const tag = randomUUID().slice(0, 6);
  const meetingId = `m-${tag}`;
  const decisionId = `d-${tag}`;
  const pdf = Buffer.from(`%PDF-1.4\nПриказ № 112 от 20.12.2023 [${tag}]\n%%EOF`);

  const { send, ok } = posts(
    () => ({ baseUrl: s.baseUrl, headers: director }),
    (position) => (head = Math.max(head, position)),
  );
  const upload = async (name: string, bytes: Buffer, evidenceId: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    form.append('evidenceId', evidenceId);
    form.append('about', '2023-12-20');
    const res = await fetch(`${s.baseUrl}/decisions/${decisionId}/evidence/files`, {
      method: 'POST',
      headers: director,
      body: form,
    });
    const answer = await json(res);
    if (typeof answer.position === 'number') head = Math.max(head, answer.position);
    return { status: res.status, body: answer };
  };

  /**
   * What people wrote on the decision's stream. Its 2023 deadline had passed when it was entered, so its workflow
   * marks it missed (and records the mail) on its own, at a moment no test chooses.
   */
  const written = async () =>
    (await s.store.readStream(`decision-${decisionId}`)).filter((e) => e.metadata.actor.kind !== 'system');

  /** The district view's effectiveness column for the year, after this test's last write. */
  const effectiveness = async (headers: Record<string, string>) => {
    const res = await fetch(
      `${s.baseUrl}/kpis/effectiveness?academicYear=${encodeURIComponent(YEAR)}&waitForPosition=${head}&timeoutMs=30000`,
      { headers },
    );
    expect(res.status).toBe(200);
    return ((await json(res)) as { schools: unknown[] }).schools;
  };

  /** `GET /decision-records` for the year after this test's last write. */
  const records = async (headers: Record<string, string>, filter: string) => {
    const res = await fetch(
      `${s.baseUrl}/decision-records?academicYear=${encodeURIComponent(YEAR)}&${filter}&waitForPosition=${head}&timeoutMs=30000`,
      { headers },
    );
    expect(res.status).toBe(200);
    return ((await json(res)) as { items: { _id: string; status: string }[] }).items;
  };

  beforeAll(async () => {
    s = await startServices();
    director = await s.loginAs('director', SCHOOL);
    await heldPedsovet(ok, {
      id: meetingId,
      academicYear: YEAR,
      date: '2023-08-30',
      title: 'Итоги ВПР',
      heard: 'Об итогах ВПР',
      decisionIds: [decisionId],
    });
    await ok(`/meetings/${meetingId}/decisions`, {
      id: decisionId,
      number: 1,
      wording: 'Доработать Программу развития школы',
      executors: { lead: { role: 'deputy', name: 'Зам.директора по УВР' } },
      deadline: { asWritten: 'Октябрь-декабрь 2023г' },
      evidenceRequired: true,
    });
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  it('refuses execution without evidence, changing nothing', async () => {
    const before = (await written()).length;
    const { status, body } = await send(`/decisions/${decisionId}/execution`, { executedOn: '2023-12-20' });
    expect(status).toBe(422);
    expect(body.code).toBe('EVIDENCE_REQUIRED');
    expect(await written()).toHaveLength(before);
  });

  it('refuses a file that is not of an allowed type, whatever its name, and stores nothing', async () => {
    const { status, body } = await upload('prikaz.pdf', Buffer.from('MZ\x90\x00 not a pdf'), 'e-bad');
    expect(status).toBe(422);
    expect(body.code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
  });

  it('keeps an uploaded file by its SHA-256; the download has that hash', async () => {
    const { status, body } = await upload('Приказ 112.pdf', pdf, 'e-order');
    expect(status).toBe(200);
    expect(body).toMatchObject({ sha256: sha256(pdf), size: pdf.length, mediaType: 'application/pdf' });
    const res = await fetch(`${s.baseUrl}/decisions/${decisionId}/evidence/e-order`, { headers: director });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(pdf));
    const decision = await json(await fetch(`${s.baseUrl}/decisions/${decisionId}`, { headers: director }));
    expect(decision.evidence).toEqual([
      {
        evidenceId: 'e-order',
        ref: {
          kind: 'file',
          sha256: sha256(pdf),
          fileName: 'Приказ 112.pdf',
          mediaType: 'application/pdf',
          size: pdf.length,
        },
        about: '2023-12-20',
        attachedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    ]);
  });

  it('keeps a link as written and never opens it; refuses an address that is not http(s), changing nothing', async () => {
    // A host that would see any request the server made to the link (loopback: the address a forged link would
    // use to make the server read its own network).
    const seen: string[] = [];
    const host = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}/docs/prikaz-112.pdf`;
    try {
      const before = (await written()).length;
      for (const bad of [
        'javascript:alert(1)',
        'file:///etc/passwd',
        'ftp://school.example/prikaz.pdf',
        ' ',
      ]) {
        const refused = await send(`/decisions/${decisionId}/evidence/links`, {
          evidenceId: 'e-bad-link',
          url: bad,
          about: '2023-12-20',
        });
        expect({ bad, status: refused.status, code: refused.body.code }).toEqual({
          bad,
          status: 422,
          code: 'EVIDENCE_LINK_INVALID',
        });
        expect(refused.body.message).toMatch(/http|пуста/);
      }
      expect(await written()).toHaveLength(before);

      await ok(`/decisions/${decisionId}/evidence/links`, {
        evidenceId: 'e-link',
        url,
        about: '2023-12-20',
        description: 'Приказ № 112 на сайте школы',
      });
      const decision = await json(await fetch(`${s.baseUrl}/decisions/${decisionId}`, { headers: director }));
      expect(
        (decision.evidence as Array<{ evidenceId: string }>).find((e) => e.evidenceId === 'e-link'),
      ).toEqual({
        evidenceId: 'e-link',
        ref: { kind: 'link', url },
        about: '2023-12-20',
        attachedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        description: 'Приказ № 112 на сайте школы',
      });
      // A link has no stored bytes: the download answers 404 instead of fetching it.
      const download = await fetch(`${s.baseUrl}/decisions/${decisionId}/evidence/e-link`, {
        headers: director,
      });
      expect(download.status).toBe(404);
      expect(seen).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });

  it('the same file uploaded again is the same blob', async () => {
    const { body } = await upload('копия.pdf', pdf, 'e-copy');
    expect(body.sha256).toBe(sha256(pdf));
  });

  it('is executed with the evidence, then judged not effective, and goes on the next agenda', async () => {
    await ok(`/decisions/${decisionId}/execution`, { executedOn: '2023-12-20' });
    expect(await effectiveness(director)).toEqual([
      {
        schoolId: SCHOOL,
        awaitingReview: 1,
        assessed: 0,
        verdicts: { effective: 0, partly: 0, 'not-effective': 0 },
        // Executed: on time or late depends on whether the workflow marked the 2023 day missed first.
        counts: expect.objectContaining({ total: 1, open: 0, overdue: 0, cancelled: 0 }),
      },
    ]);
    await ok(`/decisions/${decisionId}/effectiveness`, {
      verdict: 'not-effective',
      indicator: 'Доля процедур с аналитической справкой: 40 % (цель 80 %)',
      assessedOn: '2024-01-20',
    });
    const decision = await json(await fetch(`${s.baseUrl}/decisions/${decisionId}`, { headers: director }));
    expect(decision.status).toBe('reopened');
    // Back in work: listed among the school's active meeting decisions, and not under someone else's name.
    const active = await records(director, 'active=true');
    expect(active.map((r) => [r._id, r.status])).toEqual([[decisionId, 'reopened']]);
    expect(await records(director, 'active=true&executor=nobody-here')).toEqual([]);
    expect(await effectiveness(director)).toEqual([
      {
        schoolId: SCHOOL,
        awaitingReview: 0,
        assessed: 1,
        verdicts: { effective: 0, partly: 0, 'not-effective': 1 },
        // In work again: no longer counted as executed.
        counts: expect.objectContaining({ total: 1, executedOnTime: 0, executedLate: 0 }),
      },
    ]);
    const report = await fetch(
      `${s.baseUrl}/reports/meetings.csv?schoolId=${SCHOOL}&academicYear=${encodeURIComponent(YEAR)}&waitForPosition=${head}&timeoutMs=30000`,
      { headers: director },
    );
    expect(await report.text()).toContain('неэффективно: Доля процедур с аналитической справкой');
    const next = `m2-${tag}`;
    await ok('/meetings', {
      id: next,
      academicYear: YEAR,
      level: 'pedagogical-council',
      date: { precision: 'month', month: '2024-02' },
      timeZone: 'Europe/Moscow',
    });
    const meeting = await json(await fetch(`${s.baseUrl}/meetings/${next}`, { headers: director }));
    expect(meeting.agenda).toEqual([
      expect.objectContaining({
        title: 'Неэффективное решение: Доработать Программу развития школы',
        subject: { kind: 'decision', decisionId },
      }),
    ]);
  });

  it('counts the meeting decision in the school’s own KPIs, as the director’s charts read them', async () => {
    const groups = async (headers: Record<string, string>, groupBy: string, school = SCHOOL) => {
      const res = await fetch(
        `${s.baseUrl}/kpis?schoolId=${school}&academicYear=${encodeURIComponent(YEAR)}&groupBy=${groupBy}&waitForPosition=${head}&timeoutMs=30000`,
        { headers },
      );
      expect(res.status).toBe(200);
      return (
        (await json(res)) as { groups: { key: string; name?: string; counts: Record<string, number> }[] }
      ).groups;
    };
    // Re-opened by «не эффективно»: in work, open or overdue (the 2023 day is past), not executed.
    const inWork = expect.objectContaining({ total: 1, executedOnTime: 0, executedLate: 0, cancelled: 0 });
    expect(await groups(director, 'school')).toEqual([
      expect.objectContaining({ key: SCHOOL, counts: inWork }),
    ]);
    expect(await groups(director, 'direction')).toEqual([
      expect.objectContaining({ key: 'без направления', counts: inWork }),
    ]);
    expect(await groups(director, 'responsible')).toEqual([
      expect.objectContaining({ key: `${SCHOOL}:deputy`, name: 'Зам.директора по УВР', counts: inWork }),
    ]);
    expect(await groups(director, 'month')).toEqual([
      expect.objectContaining({ key: '2023-12', counts: inWork }),
    ]);
    const other = await s.loginAs('director', 'school-other');
    expect(await groups(other, 'school', 'school-other')).toEqual([]);
  });

  it('shows another school neither the decision nor its file', async () => {
    const other = await s.loginAs('director', 'school-other');
    expect(await effectiveness(other)).toEqual([]);
    expect(await records(other, 'active=false')).toEqual([]);
    expect((await fetch(`${s.baseUrl}/decisions/${decisionId}`, { headers: other })).status).toBe(404);
    expect(
      (await fetch(`${s.baseUrl}/decisions/${decisionId}/evidence/e-order`, { headers: other })).status,
    ).toBe(404);
  });
});
