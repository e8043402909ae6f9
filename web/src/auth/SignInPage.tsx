import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { describeError } from '../api/errors';
import { usePageTitle } from '../app/usePageTitle';
import { useSession } from './SessionContext';
import { SIGN_OUT_MESSAGES } from './session';

interface Credentials {
  login: string;
  password: string;
}

export function SignInPage() {
  usePageTitle('Вход');
  const { signIn, reason } = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(values.login.trim(), values.password);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" style={{ display: 'flex', justifyContent: 'center', paddingTop: '10vh' }}>
      <Card style={{ width: 'min(420px, 100%)' }}>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          Вход в ВСОКО
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Система внутренней оценки качества образования: план оценочных процедур, решения и их исполнение.
        </Typography.Paragraph>
        {reason && !error ? (
          <Alert
            role="status"
            type={reason === 'expired' ? 'warning' : 'info'}
            title={SIGN_OUT_MESSAGES[reason]}
            style={{ marginBottom: 16 }}
            showIcon
          />
        ) : null}
        {error ? (
          <Alert role="alert" type="error" title={error} style={{ marginBottom: 16 }} showIcon />
        ) : null}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            label="Логин"
            name="login"
            rules={[{ required: true, whitespace: true, message: 'Введите логин' }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Пароль" name="password" rules={[{ required: true, message: 'Введите пароль' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            Войти
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Link to="/password-reset">Забыли пароль?</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
