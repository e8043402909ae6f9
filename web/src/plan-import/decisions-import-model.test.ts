import { describe, expect, it } from 'vitest';
import {
  approvalLines,
  previewSummary,
  toWrite,
  type DecisionsImportPreview,
} from './decisions-import-model';

const preview = {
  counts: { meetings: 8, decisions: 23, skipped: 1, warnings: 2, recorded: 3 },
} as DecisionsImportPreview;

describe('the decisions report import screen', () => {
  it('sums up the preview and what an approval would write', () => {
    expect(previewSummary(preview)).toBe(
      'заседаний 8; решений 23; не записываются (нет ответственного) 1; предупреждений 2; уже в журнале 3',
    );
    expect(toWrite(preview)).toBe(20);
  });

  it('says what the approval wrote', () => {
    expect(
      approvalLines({
        meetings: { recorded: 8, already: 0 },
        decisions: { recorded: 22, already: 1, skipped: 1 },
        failed: [],
        position: 9,
      }),
    ).toEqual([
      'Заседаний записано: 8',
      'Решений записано: 22, уже были: 1',
      'Не записано (нет ответственного): 1',
    ]);
  });
});
