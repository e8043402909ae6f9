import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { unwrap } from '../api/client';
import { usePageTitle } from '../app/usePageTitle';
import { useSession, type LoginAnswer } from '../auth/SessionContext';
import { ErrorAlert } from '../app/ErrorAlert';

/** The token of a mailed link: after `#token=`, so it never reaches a server's access log. */
export function linkToken(hash: string): string | undefined {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(hash);
  return m?.[1];
}

const PASSWORD_HELP =
  'От 8 до 128 символов; удобнее всего — несколько слов через пробел. Распространённые и утёкшие пароли не принимаются.';

/** A new password typed twice; the server's rules (length, breached lists) answer in Russian on submit. */
function NewPasswordFields() {
  return (
    <>
      <Form.Item
        name="password"
        label="Новый пароль"
        extra={PASSWORD_HELP}
        rules={[
          { required: true, message: 'Введите новый пароль' },
          { min: 8, message: 'Не короче 8 символов' },
          { max: 128, message: 'Не длиннее 128 символов' },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="repeat"
        label="Новый пароль ещё раз"
        dependencies={['password']}
        rules={[
          { required: true, message: 'Повторите пароль' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error('Пароли не совпадают')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" style={{ display: 'flex', justifyContent: 'center', paddingTop: '8vh' }}>
      <Card style={{ width: 'min(460px, 100%)' }}>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </main>
  );
}

/**
 * A mailed link redeemed: the first password by invitation, or a new one by a reset link. The server answers a
 * session, so the person is signed in at once.
 */
function RedeemLink({ kind, token }: { kind: 'invitation' | 'reset'; token: string }) {
  const { api, startSession } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = { token, password: v.password };
      const answer = await unwrap<LoginAnswer>(
        kind === 'invitation'
          ? api.POST('/auth/invitation/accept', { body })
          : api.POST('/auth/password-reset/complete', { body }),
      );
      // The token is spent: drop it from the address and the history.
      window.history.replaceState(null, '', window.location.pathname);
      await startSession(answer);
      navigate('/plan', { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" loading={busy} block>
          {kind === 'invitation' ? 'Задать пароль и войти' : 'Сменить пароль и войти'}
        </Button>
      </Form>
    </>
  );
}

/** `/invitation#token=…`: the link of an invitation mail. */
export function InvitationPage() {
  usePageTitle('Приглашение');
  const token = linkToken(useLocation().hash);
  return (
    <Shell title="Добро пожаловать в ВСОКО">
      {token ? (
        <>
          <Typography.Paragraph>
            Вас пригласили в систему внутренней оценки качества образования школы. Придумайте пароль — после
            этого вы сразу войдёте. Логин указан в письме.
          </Typography.Paragraph>
          <RedeemLink kind="invitation" token={token} />
        </>
      ) : (
        <Alert
          type="warning"
          showIcon
          title="В ссылке нет приглашения. Откройте ссылку из письма целиком или попросите директора прислать приглашение снова."
        />
      )}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/sign-in">Уже есть пароль? Войти</Link>
      </Typography.Paragraph>
    </Shell>
  );
}

/** `/password-reset`: asking for a link by login; `/password-reset#token=…`: the link of a reset mail. */
export function PasswordResetPage() {
  usePageTitle('Сброс пароля');
  const { api } = useSession();
  const token = linkToken(useLocation().hash);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const request = async (v: { login: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.POST('/auth/password-reset', { body: { login: v.login.trim() } }));
      setSent(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Shell title={token ? 'Новый пароль' : 'Забыли пароль?'}>
      {token ? (
        <RedeemLink kind="reset" token={token} />
      ) : sent ? (
        <Alert
          role="status"
          type="success"
          showIcon
          title="Если такая учётная запись есть и у неё указана почта, письмо со ссылкой уже отправлено. Ссылка действует недолго и только один раз."
        />
      ) : (
        <>
          <Typography.Paragraph>
            Введите логин: ссылка для нового пароля придёт на почту учётной записи.
          </Typography.Paragraph>
          <ErrorAlert error={error} style={{ marginBottom: 16 }} />
          <Form layout="vertical" onFinish={request} requiredMark={false} disabled={busy}>
            <Form.Item
              name="login"
              label="Логин"
              rules={[{ required: true, whitespace: true, message: 'Введите логин' }]}
            >
              <Input autoComplete="username" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              Прислать ссылку
            </Button>
          </Form>
        </>
      )}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/sign-in">Вернуться ко входу</Link>
      </Typography.Paragraph>
    </Shell>
  );
}

/** `/password`: the signed-in person changes their own password; their other sessions end. */
export function ChangePasswordPage() {
  usePageTitle('Смена пароля');
  const { api } = useSession();
  const [form] = Form.useForm<{ current: string; password: string; repeat: string }>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { current: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await unwrap(
        api.POST('/auth/password', { body: { currentPassword: v.current, newPassword: v.password } }),
      );
      form.resetFields();
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 520 }} title={<h1 className="card-title">Смена пароля</h1>}>
      {done ? (
        <Alert
          role="status"
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title="Пароль изменён. Другие сеансы (на других устройствах) завершены."
        />
      ) : null}
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item
          name="current"
          label="Текущий пароль"
          rules={[{ required: true, message: 'Введите текущий пароль' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" loading={busy}>
          Сменить пароль
        </Button>
      </Form>
    </Card>
  );
}
