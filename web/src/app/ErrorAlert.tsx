import { Alert, Button } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { describeError } from '../api/errors';

/**
 * A refused or failed request, in the server's own Russian words, announced to screen readers; nothing without one.
 * With `title` (what did not happen), the server's words go under it.
 */
export function ErrorAlert({
  error,
  title,
  style,
}: {
  error: unknown;
  title?: ReactNode;
  style?: CSSProperties;
}) {
  if (!error) return null;
  return title === undefined ? (
    <Alert role="alert" type="error" showIcon style={style} title={describeError(error)} />
  ) : (
    <Alert
      role="alert"
      type="error"
      showIcon
      style={style}
      title={title}
      description={describeError(error)}
    />
  );
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
