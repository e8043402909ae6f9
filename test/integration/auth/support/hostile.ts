import fc from 'fast-check';

const FIELDS = [
  'id',
  'schoolId',
  'academicYear',
  'title',
  'direction',
  'window',
  'responsible',
  'reason',
  'performedOn',
  'decisions',
  'meeting',
  'login',
  'password',
  'permissions',
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  '$gt',
];

/** Values that break naive code: operators, impossible dates, wrong types, long and strange strings. */
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    { $gt: '' },
    { $ne: null },
    { $where: 'sleep(1000)' },
    '2023-02-30',
    '2023-13-01',
    '0000-00-00',
    '9999-99-99T99:99:99Z',
    '1e400',
    -1,
    Number.MAX_SAFE_INTEGER,
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '\u0000\uffff\ud800',
    { __proto__: { polluted: true } },
    [],
    [[[[[]]]]],
  ),
  fc.string({ maxLength: 20_000 }),
);

export const hostileBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.array(hostileValue, { maxLength: 5 }),
);

/** Raw texts JSON.stringify cannot produce: own `__proto__` keys, broken JSON, a body over the 256 kB limit. */
export const RAW_BODIES: { text: string; contentType: string }[] = [
  { text: '{"__proto__": {"polluted": true}, "title": "x"}', contentType: 'application/json' },
  { text: '{"constructor": {"prototype": {"polluted": true}}}', contentType: 'application/json' },
  { text: '{"schoolId": {"$gt": ""}, "id": {"$ne": null}}', contentType: 'application/json' },
  { text: '{"window": {"from": "2023-02-30", "to": "2023-02-31"}}', contentType: 'application/json' },
  { text: '{"title": ', contentType: 'application/json' },
  { text: 'null', contentType: 'application/json' },
  { text: '"строка"', contentType: 'application/json' },
  { text: `{"title": "${'я'.repeat(300_000)}"}`, contentType: 'application/json' },
  { text: 'title=x&schoolId[$gt]=', contentType: 'application/x-www-form-urlencoded' },
  { text: '<xml/>', contentType: 'application/xml' },
];

export const HOSTILE_PATH_SEGMENTS = [
  '%7B%22%24gt%22%3A%22%22%7D',
  '..%2F..%2Fetc%2Fpasswd',
  '__proto__',
  'constructor',
  'a'.repeat(5000),
  '%00',
  '%E0%A4%A',
];

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** Uploads as a careless user or an attacker sends them: wrong kinds of files, names and fields. */
export const hostileUpload = fc.record(
  {
    schoolId: fc.oneof(fc.constantFrom('school-a', 'school-b', '', '../school-a', '$gt'), fc.string()),
    academicYear: fc.oneof(fc.constantFrom('2030/31', '1900/01', '9999/99', ''), fc.string()),
    staff: fc.oneof(fc.constantFrom('{', '[]', 'null', '{"__proto__":{"polluted":true}}'), fc.string()),
    fileName: fc.constantFrom(
      'plan.csv',
      'plan.docx',
      'plan.xlsx',
      'plan.json',
      'plan.png',
      'plan',
      '../../x.csv',
    ),
    file: fc.oneof(
      fc.uint8Array({ maxLength: 4000 }).map((a) => Buffer.from(a)),
      fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.concat([PNG, Buffer.from(a)])),
      fc
        .uint8Array({ maxLength: 200 })
        .map((a) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(a)])),
      fc.string({ maxLength: 2000 }).map((t) => Buffer.from(t)),
      fc.constant(Buffer.alloc(0)),
    ),
  },
  { requiredKeys: ['fileName'] },
);

export type HostileUpload = typeof hostileUpload extends fc.Arbitrary<infer T> ? T : never;

export function hostileForm(upload: HostileUpload): FormData {
  const form = new FormData();
  if (upload.file) form.append('file', new Blob([upload.file]), upload.fileName);
  for (const name of ['schoolId', 'academicYear', 'staff'] as const) {
    const value = upload[name];
    if (value !== undefined) form.append(name, value);
  }
  return form;
}
