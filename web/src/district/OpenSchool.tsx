import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useRef } from 'react';
import { unwrap } from '../api/client';
import { describeError, fieldErrors } from '../api/errors';
import { newIdempotencyKey } from '../api/keys';
import { useSignedIn } from '../auth/SessionContext';
import { LOGIN_RULE } from '../people/people-api';

interface Values {
  id: string;
  name: string;
  login: string;
  fullName: string;
  email: string;
}

/**
 * A district administrator opens a school with its director in one step: the school registered in the district,
 * the director appointed and mailed an invitation with a one-time link (POST /districts/:id/schools).
 */
export function OpenSchool({ districtId }: { districtId: string }) {
  const { api } = useSignedIn();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const key = useRef(newIdempotencyKey());
  const open = useMutation({
    mutationFn: (v: Values) =>
      unwrap<{ schoolId?: string }>(
        api.POST('/districts/{districtId}/schools', {
          params: { path: { districtId }, header: { 'Idempotency-Key': key.current } },
          body: {
            id: v.id.trim(),
            name: v.name.trim(),
            director: { login: v.login.trim(), fullName: v.fullName.trim(), email: v.email.trim() },
          },
        }),
      ),
    onSuccess: async () => {
      key.current = newIdempotencyKey();
      await queryClient.invalidateQueries({ queryKey: ['district', districtId] });
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      form.setFields(
        Object.entries(fields).map(([name, message]) => ({
          name: (name.startsWith('director.') ? name.slice('director.'.length) : name) as keyof Values,
          errors: [message],
        })),
      );
    },
  });
  const done = open.isSuccess ? open.variables : undefined;
  return (
    <Card title={<h2 className="card-title">Открыть школу</h2>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        Школа регистрируется в районе, её директор назначается, и ему уходит письмо-приглашение с одноразовой
        ссылкой: по ней он задаёт пароль и входит.
      </Typography.Paragraph>
      {done ? (
        <Alert
          role="status"
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Школа «${done.name}» открыта. Приглашение отправлено директору на ${done.email}.`}
        />
      ) : null}
      {open.isError ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="Школа не открыта"
          description={describeError(open.error)}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => open.mutate(v)} style={{ maxWidth: 560 }}>
        <Form.Item
          name="name"
          label="Название школы"
          rules={[{ required: true, whitespace: true, message: 'Укажите название школы' }]}
        >
          <Input placeholder="МБОУ «СОШ № 7»" />
        </Form.Item>
        <Form.Item
          name="id"
          label="Код школы"
          extra="Латинские буквы, цифры и дефис: он будет в адресах, например school-7"
          rules={[
            { required: true, pattern: /^[A-Za-z0-9][\w.-]{0,63}$/, message: 'Код: латиница, цифры, дефис' },
          ]}
        >
          <Input placeholder="school-7" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="fullName"
          label="Директор: ФИО"
          rules={[{ required: true, whitespace: true, message: 'Укажите ФИО директора' }]}
        >
          <Input placeholder="Смирнова Елена Викторовна" />
        </Form.Item>
        <Form.Item name="login" label="Директор: логин" rules={[LOGIN_RULE]}>
          <Input placeholder="smirnova.ev" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label="Директор: почта для приглашения"
          rules={[{ required: true, type: 'email', message: 'Адрес почты, например smirnova@school7.ru' }]}
        >
          <Input type="email" placeholder="smirnova@school7.ru" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={open.isPending}>
          Открыть школу и пригласить директора
        </Button>
      </Form>
    </Card>
  );
}
