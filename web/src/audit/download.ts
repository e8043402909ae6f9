import { unwrap, type Api } from '../api/client';

export const REPORTS = [
  { file: 'decisions.xlsx', title: 'Использование результатов (решения и их исполнение), XLSX' },
  { file: 'decisions.csv', title: 'Использование результатов (решения и их исполнение), CSV' },
  { file: 'cyclogram.xlsx', title: 'Циклограмма (план ВСОКО), XLSX' },
  { file: 'cyclogram.csv', title: 'Циклограмма (план ВСОКО), CSV' },
] as const;

/**
 * Reports need the session's Authorization header, which a plain link cannot send: fetch the file, then hand it to
 * the browser as a download under the name the server gave it.
 */
export async function downloadReport(
  api: Api,
  file: string,
  schoolId: string,
  academicYear: string,
): Promise<void> {
  const call = api.GET('/reports/{file}', {
    params: { path: { file }, query: { schoolId, academicYear } },
    parseAs: 'blob',
  });
  const { response } = await call;
  const blob = await unwrap<Blob>(call);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? file;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
