import { Alert, Button } from 'antd';
import type { CSSProperties } from 'react';
import { describeError } from '../api/errors';

/** A refused or failed request, in the server's own Russian words, announced to screen readers; nothing without one. */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  return error ? (
    <Alert role="alert" type="error" showIcon style={style} title={describeError(error)} />
  ) : null;
}

/** What a screen could not load, why, and a button to ask again. */
export function LoadError({
  title,
  query,
}: {
  title: string;
  query: { error: unknown; refetch(): Promise<unknown> };
}) {
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={title}
      description={describeError(query.error)}
      action={<Button onClick={() => void query.refetch()}>Повторить</Button>}
    />
  );
}
