import { toApiError } from './errors';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * A multipart upload with progress (fetch reports none): the file's bytes sent so far, then the server's JSON
 * answer, or its error as an ApiError. 401 calls `onUnauthorized`, as every other request does.
 */
export function uploadForm<T>(options: {
  url: string;
  form: FormData;
  headers: Record<string, string>;
  onProgress?(p: UploadProgress): void;
  onUnauthorized?(): void;
}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', options.url);
    for (const [k, v] of Object.entries(options.headers)) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.({ loaded: e.loaded, total: e.total });
    };
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      if (xhr.status === 401) options.onUnauthorized?.();
      reject(toApiError(xhr.status, body));
    };
    xhr.send(options.form);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** «1,4 МБ», «820 КБ»: file sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  const units = ['КБ', 'МБ', 'ГБ'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('ru-RU', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}
