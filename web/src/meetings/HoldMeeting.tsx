import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { unwrap } from '../api/client';
import { newIdempotencyKey } from '../api/keys';
import { useSignedIn } from '../auth/SessionContext';
import { DateField } from '../procedure/fields';
import { adoptAll, personIdOf, useAdoptionResults, type PendingDecision } from './adoption';
import { DeadlineMeaning } from './DeadlineMeaning';
import type { Outcome } from './meetings-api';
import { meetingDay, newId, numberDecisions, type DecisionDraft, type Meeting } from './meetings-model';
import { useWrite } from './useWrite';
import { ErrorAlert } from '../app/ErrorAlert';

interface HoldValues {
  date: string;
  chair?: string;
  secretary?: string;
  participants?: string[];
  items: Record<string, { heard?: string; decisions?: DecisionDraft[] }>;
}

/** The school's active staff: name suggestions for attendance and responsibles (the director sees the list;
 * others type names), and whose a chosen name is. */
function useStaff(): Array<{ personId: string; fullName: string }> {
  const { api, schoolId } = useSignedIn();
  const people = useQuery({
    queryKey: [schoolId, 'people-names'],
    queryFn: () =>
      unwrap<{ people: Array<{ personId: string; fullName: string; active: boolean }> }>(
        api.GET('/schools/{schoolId}/people', { params: { path: { schoolId: schoolId! } } }),
      ),
    enabled: !!schoolId,
    retry: false,
  });
  return (people.data?.people ?? []).filter((p) => p.active);
}

/**
 * Holding the meeting: who attended, what was heard on each question, and the decisions adopted — each with its
 * deadline typed as the protocol says it («до конца октября», «в течение года»). The server numbers the protocol,
 * reads every deadline and answers what it took it to mean, which the protocol then shows beside the words.
 */
export function HoldMeeting({ meeting }: { meeting: Meeting }) {
  const { api } = useSignedIn();
  const [form] = Form.useForm<HoldValues>();
  const staff = useStaff();
  const names = staff.map((p) => p.fullName);
  const { keep } = useAdoptionResults(meeting.meetingId);
  const hold = useWrite<Outcome, HoldValues>(
    async (headers, v) => {
      const pending: PendingDecision[] = numberDecisions(
        meeting.agenda,
        Object.fromEntries(Object.entries(v.items ?? {}).map(([id, item]) => [id, item?.decisions])),
        () => newId('d'),
      ).map((d) => ({ ...d, leadPersonId: personIdOf(staff, d.draft.lead), key: newIdempotencyKey() }));
      const outcome = await unwrap<Outcome>(
        api.POST('/meetings/{meetingId}/held', {
          params: { path: { meetingId: meeting.meetingId } },
          headers,
          body: {
            date: { precision: 'day', date: v.date },
            ...(v.chair?.trim() ? { chair: { name: v.chair.trim() } } : {}),
            ...(v.secretary?.trim() ? { secretary: { name: v.secretary.trim() } } : {}),
            participants: (v.participants ?? []).map((name) => ({ name: name.trim() })).filter((p) => p.name),
            minutes: meeting.agenda.map((item) => ({
              itemId: item.itemId,
              heard: v.items?.[item.itemId]?.heard?.trim() || item.title,
              decisionIds: pending.filter((d) => d.itemId === item.itemId).map((d) => d.decisionId),
            })),
          },
        }),
      );
      const results = await adoptAll(api, meeting.meetingId, pending);
      keep(results);
      return {
        ...outcome,
        position: Math.max(outcome.position, ...results.map((r) => r.position ?? 0)),
      };
    },
    { revision: meeting.revision, form },
  );
  const day = meetingDay(meeting.date);
  return (
    <Card title={<h2 className="card-title">Проведение заседания</h2>}>
      <Typography.Paragraph type="secondary">
        Заполните после заседания или во время него. Срок решения пишите так, как он звучит в протоколе: «до
        30 октября», «октябрь–декабрь», «в течение года», «постоянно». Под полем сразу видно, как срок будет
        понят.
      </Typography.Paragraph>
      <ErrorAlert error={hold.error} style={{ marginBottom: 12 }} />
      <Form<HoldValues>
        form={form}
        layout="vertical"
        initialValues={{
          date: meeting.date.precision === 'day' ? day : undefined,
          chair: meeting.chair?.name,
          secretary: meeting.secretary?.name,
        }}
        onFinish={(v) => hold.mutate(v)}
      >
        <div className="hold-grid">
          <DateField name="date" label="Дата проведения" />
          <Form.Item name="chair" label="Председатель">
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="secretary" label="Секретарь">
            <Input autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item
          name="participants"
          label="Присутствовали"
          extra="Выберите из списка сотрудников или впишите фамилию и нажмите Enter"
          rules={[{ required: true, type: 'array', min: 1, message: 'Отметьте присутствовавших' }]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', ';']}
            options={names.map((n) => ({ value: n, label: n }))}
            placeholder="Иванова А. П., Петров О. И."
          />
        </Form.Item>
        {meeting.agenda.map((item, n) => (
          <fieldset key={item.itemId} className="hold-item">
            <legend>
              {n + 1}. {item.title}
            </legend>
            <Form.Item name={['items', item.itemId, 'heard']} label={`Слушали: вопрос ${n + 1}`}>
              <Input.TextArea autoSize={{ minRows: 2 }} placeholder="Иванову А. П. об итогах…" />
            </Form.Item>
            <Form.List name={['items', item.itemId, 'decisions']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, k) => (
                    <div
                      key={field.key}
                      className="decision-draft"
                      role="group"
                      aria-label={`Решение ${k + 1} по вопросу ${n + 1}`}
                    >
                      <Form.Item
                        name={[field.name, 'wording']}
                        label={`Решили (решение ${k + 1} по вопросу ${n + 1})`}
                        rules={[{ required: true, whitespace: true, message: 'Сформулируйте решение' }]}
                      >
                        <Input.TextArea autoSize={{ minRows: 2 }} />
                      </Form.Item>
                      <Space wrap align="start">
                        <Form.Item
                          name={[field.name, 'lead']}
                          label={`Ответственный (решение ${k + 1} по вопросу ${n + 1})`}
                          rules={[{ required: true, whitespace: true, message: 'Укажите ответственного' }]}
                        >
                          <Input style={{ width: 260 }} autoComplete="off" list="staff-names" />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'deadline']}
                          label={`Срок, как в протоколе (решение ${k + 1} по вопросу ${n + 1})`}
                          extra={
                            <DeadlineMeaning
                              path={['items', item.itemId, 'decisions', field.name, 'deadline']}
                              academicYear={meeting.academicYear}
                            />
                          }
                        >
                          <Input style={{ width: 260 }} placeholder="до конца октября" autoComplete="off" />
                        </Form.Item>
                        <Form.Item name={[field.name, 'evidenceRequired']} valuePropName="checked" label=" ">
                          <Checkbox>Исполнение — только с подтверждением</Checkbox>
                        </Form.Item>
                        <Form.Item label=" ">
                          <Button
                            icon={<DeleteOutlined aria-hidden />}
                            onClick={() => remove(field.name)}
                            aria-label={`Убрать решение ${k + 1} по вопросу ${n + 1}`}
                          />
                        </Form.Item>
                      </Space>
                    </div>
                  ))}
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ wording: '', lead: '' })}>
                    Добавить решение по вопросу {n + 1}
                  </Button>
                </>
              )}
            </Form.List>
          </fieldset>
        ))}
        <datalist id="staff-names">
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <Button type="primary" htmlType="submit" loading={hold.isPending} style={{ marginTop: 16 }}>
          Заседание проведено: записать протокол и решения
        </Button>
      </Form>
    </Card>
  );
}
