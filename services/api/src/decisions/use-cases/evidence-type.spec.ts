import { evidenceMediaType } from './evidence-type';

describe('what an evidence file is', () => {
  it.each([
    ['prikaz.pdf', Buffer.from('%PDF-1.7\n…'), 'application/pdf'],
    ['foto.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg'],
    ['scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    [
      'spravka.docx',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'otchet.XLSX',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['zametka.txt', Buffer.from('Проведено 6 консультаций'), 'text/plain'],
  ])('%s is %s', (name, bytes, type) => {
    expect(evidenceMediaType(name, bytes)).toBe(type);
  });

  it.each([
    ['virus.exe', Buffer.from('MZ\x90\x00')],
    ['virus.pdf', Buffer.from('MZ\x90\x00')],
    ['archive.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1])],
    ['binary.txt', Buffer.from([0x41, 0, 0x42])],
    ['latin1.txt', Buffer.from([0xe9, 0xe8])],
  ])('%s is refused, whatever its name says', (name, bytes) => {
    expect(evidenceMediaType(name, bytes)).toBeNull();
  });
});
