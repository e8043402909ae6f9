import { Progress } from 'antd';
import { formatBytes } from '../api/upload';
import type { FileUpload } from './useFileUpload';
import { ErrorAlert } from '../app/ErrorAlert';

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
      {send.isError ? <ErrorAlert error={send.error} title={errorTitle} style={{ marginTop: 12 }} /> : null}
    </>
  );
}
