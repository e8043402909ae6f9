import type { DecisionCommand } from '../commands';
import { actors, ctx, DECISION, decisionSpec, events, evidenceAttached, history } from '../testing/fixtures';
import type { EvidenceRef } from '../values';

const AFTER = '2023-12-21T06:00:00.000Z';
const file = evidenceAttached().data.ref;
const attach = (over: { ref?: EvidenceRef; about?: string; evidenceId?: string } = {}): DecisionCommand => ({
  type: 'AttachEvidence',
  data: { decisionId: DECISION, evidenceId: 'e-order', ref: file, about: '2023-12-20', ...over },
});
const execute = (executedOn = '2023-12-20', evidenceIds?: string[]): DecisionCommand => ({
  type: 'RecordDecisionExecution',
  data: { decisionId: DECISION, executedOn, ...(evidenceIds ? { evidenceIds } : {}) },
});

describe('open, requiring evidence', () => {
  const given = decisionSpec.given([events.adopted({ evidenceRequired: true })]);

  it('refuses execution without evidence', () => {
    given.when(execute(), ctx(actors.vinogradova, AFTER)).thenThrows('EVIDENCE_REQUIRED');
  });

  it('accepts execution once a file is attached, citing it', () => {
    decisionSpec
      .given([events.adopted({ evidenceRequired: true }), evidenceAttached()])
      .when(execute(), ctx(actors.vinogradova, AFTER))
      .then([events.executed('2023-12-20', ['e-order'])]);
  });

  it('refuses to cite evidence that was never attached', () => {
    decisionSpec
      .given([events.adopted({ evidenceRequired: true }), evidenceAttached()])
      .when(execute('2023-12-20', ['e-nope']), ctx(actors.vinogradova, AFTER))
      .thenThrows('EVIDENCE_UNKNOWN');
  });
});

describe('open', () => {
  const given = decisionSpec.given(history.open);

  it('takes a file by its hash, with the day it is about separate from the day it was attached', () => {
    given.when(attach(), ctx(actors.shmo, AFTER)).then([evidenceAttached()]);
  });

  it('takes a link', () => {
    const ref = { kind: 'link', url: 'https://school.example/prikaz-112' } as const;
    given
      .when(attach({ ref }), ctx(actors.director, AFTER))
      .then([{ type: 'EvidenceAttached', data: { ...evidenceAttached().data, ref } }]);
  });

  it('refuses a file type outside the list, a file too large, a missing hash, a link that is no address', () => {
    const when = (ref: unknown) =>
      given.when(attach({ ref: ref as EvidenceRef }), ctx(actors.director, AFTER));
    when({ ...file, mediaType: 'application/x-msdownload' }).thenThrows('EVIDENCE_TYPE_NOT_ALLOWED');
    when({ ...file, size: 21 * 1024 * 1024 }).thenThrows('EVIDENCE_TOO_LARGE');
    when({ ...file, sha256: 'abc' }).thenThrows('EVIDENCE_HASH_INVALID');
    when({ kind: 'link', url: 'javascript:alert(1)' }).thenThrows('EVIDENCE_LINK_INVALID');
  });

  it('refuses evidence about a day still to come, and the same evidence id twice', () => {
    given.when(attach({ about: '2023-12-25' }), ctx(actors.director, AFTER)).thenThrows('DATE_IN_FUTURE');
    decisionSpec
      .given([...history.open, evidenceAttached()])
      .when(attach(), ctx(actors.director, AFTER))
      .thenThrows('EVIDENCE_ID_DUPLICATE');
  });

  it('is executed without evidence when none is required, by the lead or a co-executor', () => {
    given.when(execute(), ctx(actors.vinogradova, AFTER)).then([events.executed()]);
    given.when(execute(), ctx(actors.shmo, AFTER)).then([events.executed()]);
  });

  it('is not executed by someone who does not answer for it, before the meeting, or in the future', () => {
    given.when(execute(), ctx(actors.teacher, AFTER)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(execute('2023-07-31'), ctx(actors.director, AFTER)).thenThrows('DATE_BEFORE_ADOPTION');
    given.when(execute('2023-12-22'), ctx(actors.director, AFTER)).thenThrows('DATE_IN_FUTURE');
  });

  it('is executed late all the same', () => {
    decisionSpec
      .given([...history.open, events.missed()])
      .when(execute('2024-01-10'), ctx(actors.vinogradova, '2024-01-10T06:00:00.000Z'))
      .then([events.executed('2024-01-10')]);
  });
});

describe('executed', () => {
  it('is not executed twice, but still takes evidence', () => {
    const given = decisionSpec.given(history.executed);
    given.when(execute(), ctx(actors.director, AFTER)).thenThrows('DECISION_ALREADY_EXECUTED');
    given.when(attach(), ctx(actors.director, AFTER)).then([evidenceAttached()]);
  });
});

describe('withdrawn', () => {
  it('is history: nothing is executed or attached', () => {
    const given = decisionSpec.given(history.withdrawn);
    given.when(execute(), ctx(actors.director, AFTER)).thenThrows('DECISION_WITHDRAWN');
    given.when(attach(), ctx(actors.director, AFTER)).thenThrows('DECISION_WITHDRAWN');
  });
});
