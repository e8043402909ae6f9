import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { unwrap } from '../api/client';
import { MEETING_LEVELS, MEETING_LEVEL_TITLES, type ProcedureDocument } from '../api/domain';
import { ErrorAlert } from '../app/ErrorAlert';
import { useSignedIn } from '../auth/SessionContext';
import { schoolDay } from '../format/dates';
import { endSentence } from '../format/sentences';
import { DateField, lines, LinesField } from './fields';
import { useCommand, type CommandResult } from './useCommand';

/** The school's today, in the procedure's own time zone (not the browser's). */
const today = (p: ProcedureDocument) => schoolDay(new Date(), p.timeZone);

interface StepProps {
  procedure: ProcedureDocument;
}

function Performed({ procedure }: StepProps) {
  const { api } = useSignedIn();
  const [form] = Form.useForm();
  const command = useCommand(procedure.revision, form);
  const submit = (v: { performedOn: string; by: string; collected: string }) =>
    command.mutate((headers) =>
      unwrap<CommandResult>(
        api.POST('/procedures/{id}/performed', {
          params: { path: { id: procedure._id }, header: headers },
          body: {
            performedOn: v.performedOn,
            performedBy: { ...procedure.responsible, name: v.by.trim() },
            collected: lines(v.collected),
          },
        }),
      ),
    );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ performedOn: today(procedure), by: procedure.responsible.name }}
    >
      <ErrorAlert error={command.error} style={{ marginBottom: 12 }} />
      <DateField name="performedOn" label="Дата проведения" />
      <Form.Item
        name="by"
        label="Кто провёл"
        rules={[{ required: true, whitespace: true, message: 'Укажите, кто провёл' }]}
      >
        <Input />
      </Form.Item>
      <LinesField
        name="collected"
        label="Что собрано"
        help="Например: работы учащихся 4А и 4Б, протоколы проверки — по одному в строке"
      />
      <Button type="primary" htmlType="submit" loading={command.isPending}>
        Отметить проведение
      </Button>
    </Form>
  );
}

interface FigureInput {
  indicator: string;
  value: number;
  unit?: string;
}

function Analysis({ procedure }: StepProps) {
  const { api } = useSignedIn();
  const [form] = Form.useForm();
  const command = useCommand(procedure.revision, form);
  const submit = (v: {
    analysedOn: string;
    title: string;
    reference?: string;
    findings: string;
    figures?: FigureInput[];
  }) =>
    command.mutate((headers) =>
      unwrap<CommandResult>(
        api.POST('/procedures/{id}/analysis', {
          params: { path: { id: procedure._id }, header: headers },
          body: {
            analysedOn: v.analysedOn,
            document: {
              title: v.title.trim(),
              ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
            },
            findings: lines(v.findings),
            figures: (v.figures ?? []).map((f) => ({
              indicator: f.indicator.trim(),
              value: f.value,
              ...(f.unit?.trim() ? { unit: f.unit.trim() } : {}),
            })),
          },
        }),
      ),
    );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ analysedOn: today(procedure), title: procedure.resultForm ?? 'Аналитическая справка' }}
    >
      <ErrorAlert error={command.error} style={{ marginBottom: 12 }} />
      <DateField name="analysedOn" label="Дата анализа" />
      <Form.Item
        name="title"
        label="Документ с результатами"
        rules={[{ required: true, whitespace: true, message: 'Укажите документ' }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="reference" label="Ссылка на документ (необязательно)">
        <Input inputMode="url" />
      </Form.Item>
      <LinesField name="findings" label="Выводы" />
      <Typography.Text strong>Показатели</Typography.Text>
      <Form.List name="figures">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'indicator']}
                  label={`Показатель ${i + 1}`}
                  rules={[{ required: true, whitespace: true, message: 'Назовите показатель' }]}
                >
                  <Input placeholder="Качество знаний" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'value']}
                  label="Значение"
                  rules={[{ required: true, type: 'number', message: 'Введите число' }]}
                >
                  <InputNumber decimalSeparator="," />
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} label="Единица">
                  <Input placeholder="%" style={{ width: 80 }} />
                </Form.Item>
                <Button
                  aria-label={`Убрать показатель ${i + 1}`}
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => add()}>
                Добавить показатель
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={command.isPending}>
        Записать анализ
      </Button>
    </Form>
  );
}

function Discussion({ procedure }: StepProps) {
  const { api } = useSignedIn();
  const [form] = Form.useForm();
  const command = useCommand(procedure.revision, form);
  const submit = (v: { level: (typeof MEETING_LEVELS)[number]; heldOn: string; protocolNumber: string }) =>
    command.mutate((headers) =>
      unwrap<CommandResult>(
        api.POST('/procedures/{id}/discussion', {
          params: { path: { id: procedure._id }, header: headers },
          body: { meeting: { level: v.level, heldOn: v.heldOn, protocolNumber: v.protocolNumber.trim() } },
        }),
      ),
    );
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ heldOn: today(procedure) }}>
      <ErrorAlert error={command.error} style={{ marginBottom: 12 }} />
      <Form.Item name="level" label="Совещание" rules={[{ required: true, message: 'Выберите совещание' }]}>
        <Select
          aria-label="Совещание"
          options={MEETING_LEVELS.map((l) => ({ value: l, label: MEETING_LEVEL_TITLES[l] }))}
        />
      </Form.Item>
      <DateField name="heldOn" label="Дата совещания" />
      <Form.Item
        name="protocolNumber"
        label="Номер протокола"
        rules={[{ required: true, whitespace: true, message: 'Укажите номер протокола' }]}
      >
        <Input style={{ maxWidth: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={command.isPending}>
        Записать обсуждение
      </Button>
    </Form>
  );
}

interface DecisionInput {
  wording: string;
  deadline: string;
  responsibleName: string;
  personId?: string;
}

function Decisions({ procedure }: StepProps) {
  const { api } = useSignedIn();
  const [form] = Form.useForm();
  const command = useCommand(procedure.revision, form);
  const noted = useCommand(procedure.revision);
  const submit = (v: { decisions: DecisionInput[] }) =>
    command.mutate((headers) =>
      unwrap<CommandResult>(
        api.POST('/procedures/{id}/decisions', {
          params: { path: { id: procedure._id }, header: headers },
          body: {
            decisions: v.decisions.map((d, i) => ({
              decisionId: `d${i + 1}`,
              wording: d.wording.trim(),
              deadline: d.deadline,
              responsible: {
                name: d.responsibleName.trim(),
                ...(d.personId?.trim() ? { personId: d.personId.trim() } : {}),
              },
            })),
          },
        }),
      ),
    );
  return (
    <>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          decisions: [
            { responsibleName: procedure.responsible.name, personId: procedure.responsible.personId },
          ],
        }}
      >
        <ErrorAlert error={command.error} style={{ marginBottom: 12 }} />
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`Решение ${i + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    fields.length > 1 ? (
                      <Button
                        aria-label={`Убрать решение ${i + 1}`}
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                      />
                    ) : null
                  }
                >
                  <Form.Item
                    name={[field.name, 'wording']}
                    label="Формулировка"
                    rules={[{ required: true, whitespace: true, message: 'Сформулируйте решение' }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2 }} />
                  </Form.Item>
                  <DateField name={[field.name, 'deadline']} label="Срок исполнения" />
                  <Space wrap>
                    <Form.Item
                      name={[field.name, 'responsibleName']}
                      label="Ответственный"
                      rules={[{ required: true, whitespace: true, message: 'Укажите ответственного' }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item name={[field.name, 'personId']} label="Логин ответственного (необязательно)">
                      <Input />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Form.Item>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ responsibleName: procedure.responsible.name })}
                >
                  Добавить решение
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={command.isPending}>
            Принять решения
          </Button>
          <Button
            loading={noted.isPending}
            onClick={() =>
              noted.mutate((headers) =>
                unwrap<CommandResult>(
                  api.POST('/procedures/{id}/noted-without-decision', {
                    params: { path: { id: procedure._id }, header: headers },
                    body: { note: 'Информацию принять к сведению' },
                  }),
                ),
              )
            }
          >
            Принять к сведению без решений
          </Button>
        </Space>
      </Form>
      <ErrorAlert error={noted.error} style={{ marginBottom: 12 }} />
    </>
  );
}

function Closure({ procedure }: StepProps) {
  const { api } = useSignedIn();
  const command = useCommand(procedure.revision);
  const open = procedure.decisionCounts.open + procedure.decisionCounts.overdue;
  return (
    <>
      <ErrorAlert error={command.error} style={{ marginBottom: 12 }} />
      <Typography.Paragraph>
        {open > 0
          ? `Решений ещё исполняется: ${open}. Отметьте исполнение каждого решения ниже; затем процедуру можно закрыть.`
          : 'Все решения исполнены или отменены: процедуру можно закрыть.'}
      </Typography.Paragraph>
      <Button
        type={open > 0 ? 'default' : 'primary'}
        loading={command.isPending}
        onClick={() =>
          command.mutate((headers) =>
            unwrap<CommandResult>(
              api.POST('/procedures/{id}/closure', {
                params: { path: { id: procedure._id }, header: headers },
                body: {},
              }),
            ),
          )
        }
      >
        Закрыть процедуру
      </Button>
    </>
  );
}

const STEPS: Partial<
  Record<ProcedureDocument['stage'], { title: string; Form: (p: StepProps) => React.ReactNode }>
> = {
  scheduled: { title: 'Следующий шаг: отметить проведение', Form: Performed },
  performed: { title: 'Следующий шаг: записать анализ результатов', Form: Analysis },
  analysed: { title: 'Следующий шаг: записать обсуждение на совещании', Form: Discussion },
  discussed: { title: 'Следующий шаг: принять управленческие решения', Form: Decisions },
  'following-up': { title: 'Следующий шаг: исполнение решений и закрытие', Form: Closure },
};

/** The form for the procedure's next stage; read-only people see what is awaited instead. */
export function NextStep({ procedure, canWrite }: StepProps & { canWrite: boolean }) {
  const step = STEPS[procedure.stage];
  if (!step) return null;
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{step.title}</h2>} style={{ marginBottom: 16 }}>
      {canWrite ? (
        <step.Form procedure={procedure} />
      ) : (
        <Typography.Paragraph>
          Ваша роль позволяет только просматривать процедуру. Этот шаг выполняет ответственный:{' '}
          {endSentence(procedure.responsible.name)}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
