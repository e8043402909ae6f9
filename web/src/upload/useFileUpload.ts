import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { UploadProgress } from '../api/upload';
import { useSignedIn } from '../auth/SessionContext';

/**
 * A chosen file sent on request with the form's other fields (the file first, then the fields in the order
 * given; an undefined one is left out), its progress in bytes kept while it goes. Choosing another file forgets
 * the last answer; removing the file keeps it on screen.
 */
export function useFileUpload<T>(
  path: string,
  fields: () => Array<[string, string | undefined]>,
  options: { onSuccess?(result: T): void | Promise<void> } = {},
) {
  const { upload } = useSignedIn();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<UploadProgress>();
  const send = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('file', file!);
      for (const [name, value] of fields()) if (value !== undefined) form.append(name, value);
      return upload<T>(path, form, setProgress);
    },
    onSuccess: options.onSuccess,
  });
  return {
    file,
    setFile,
    progress,
    send,
    choose(f: File) {
      setFile(f);
      send.reset();
    },
  };
}

export type FileUpload<T> = ReturnType<typeof useFileUpload<T>>;
