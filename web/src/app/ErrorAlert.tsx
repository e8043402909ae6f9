import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { describeError } from '../api/errors';

/** A refused or failed request, in the server's own Russian words, announced to screen readers; nothing without one. */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  return error ? (
    <Alert role="alert" type="error" showIcon style={style} title={describeError(error)} />
  ) : null;
}
