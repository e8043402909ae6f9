import { Breadcrumb, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ChosenFileDrop } from '../upload/FileDrop';
import { UploadFeedback } from '../upload/UploadFeedback';
import type { FileUpload } from '../upload/useFileUpload';
import { ErrorAlert } from '../app/ErrorAlert';

/*
 * The steps of an import screen, shared by the school's plan and its decisions report: the file and what else
 * reading it needs → what it would give → approval → what was written.
 */

/** The trail back (links), where the screen stands, and its heading. */
export function ImportHeading({
  trail,
  here,
  title,
}: {
  trail: Array<{ to: string; title: string }>;
  here: string;
  title: string;
}) {
  return (
    <>
      <Breadcrumb
        items={[...trail.map((t) => ({ title: <Link to={t.to}>{t.title}</Link> })), { title: here }]}
      />
      <Typography.Title level={1} className="page-title">
        {title}
      </Typography.Title>
    </>
  );
}

/**
 * Step 1: the file, dropped or chosen and kept; `controls` (what else reading it needs) stand beside the button
 * that sends it for a preview.
 */
export function UploadCard<T>({
  title,
  intro,
  upload,
  drop,
  controls,
  errorTitle,
}: {
  title: string;
  intro: ReactNode;
  upload: FileUpload<T>;
  drop: { accept: string; uid: string; text: string; hint: string };
  controls: ReactNode;
  errorTitle: string;
}) {
  return (
    <Card title={<h2 className="card-title">{title}</h2>}>
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <ChosenFileDrop
        {...drop}
        file={upload.file}
        onChoose={upload.choose}
        onRemove={() => upload.setFile(undefined)}
      />
      <Space wrap align="center" style={{ marginTop: 16 }}>
        {controls}
        <Button
          type="primary"
          disabled={!upload.file}
          loading={upload.send.isPending}
          onClick={() => upload.send.mutate()}
        >
          Показать, что получится
        </Button>
      </Space>
      <UploadFeedback upload={upload} errorTitle={errorTitle} />
    </Card>
  );
}

/** Step 2: what the file would give, in a few lines; below them, the details (warnings, tables). */
export function PreviewCard({
  items,
  children,
}: {
  items: NonNullable<DescriptionsProps['items']>;
  children?: ReactNode;
}) {
  return (
    <Card title={<h2 className="card-title">2. Что получится</h2>} style={{ marginTop: 16 }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} />
      {children}
    </Card>
  );
}

/** The last step: why an approval was refused, what still stands in its way (`children`), and its button. */
export function ApprovalCard({
  title,
  error,
  errorTitle,
  children,
  button,
}: {
  title: string;
  error: unknown;
  errorTitle: string;
  children?: ReactNode;
  button: { text: string; disabled: boolean; loading: boolean; onClick(): void };
}) {
  return (
    <Card title={<h2 className="card-title">{title}</h2>} style={{ marginTop: 16 }}>
      {error ? <ErrorAlert error={error} title={errorTitle} style={{ marginBottom: 12 }} /> : null}
      {children}
      <Button type="primary" disabled={button.disabled} loading={button.loading} onClick={button.onClick}>
        {button.text}
      </Button>
    </Card>
  );
}

/** What an approval wrote: a line for each kind of thing, then each row that failed; a link to see it. */
export function ImportResult({
  failed,
  title,
  lines,
  failures,
  open,
}: {
  failed: boolean;
  title: string;
  lines: string[];
  failures: Array<{ key: string; text: ReactNode }>;
  open: { to: string; text: string };
}) {
  return (
    <Result
      status={failed ? 'warning' : 'success'}
      title={title}
      subTitle={
        <ul className="plain-list">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
          {failures.map((f) => (
            <li key={f.key}>{f.text}</li>
          ))}
        </ul>
      }
      extra={
        <Link to={open.to}>
          <Button type="primary">{open.text}</Button>
        </Link>
      }
    />
  );
}
