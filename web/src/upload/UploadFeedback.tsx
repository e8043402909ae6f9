import { Alert, Progress } from 'antd';
import { describeError } from '../api/errors';
import { formatBytes } from '../api/upload';
import type { FileUpload } from './useFileUpload';

/** While the file goes: how much of it has gone; after a refusal: why, under `errorTitle`. */
export function UploadFeedback<T>({ upload, errorTitle }: { upload: FileUpload<T>; errorTitle: string }) {
  const { send, progress } = upload;
  return (
    <>
      {send.isPending && progress ? (
        <Progress
          aria-label="Загрузка файла"
          percent={Math.floor((progress.loaded / Math.max(1, progress.total)) * 100)}
          format={() => `${formatBytes(progress.loaded)} из ${formatBytes(progress.total)}`}
        />
      ) : null}
      {send.isError ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={errorTitle}
          description={describeError(send.error)}
        />
      ) : null}
    </>
  );
}
