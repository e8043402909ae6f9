import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { chainHash, withChain } from './chain';

describe('hash chain', () => {
  const input = {
    streamName: 'procedure-1',
    revision: 4,
    id: '00000000-0000-4000-8000-000000000001',
    type: 'DecisionExecuted',
    schemaVersion: 2,
    data: { decision: 'd-1', evidence: ['протокол.pdf'] },
    metadata: { schoolId: 's-1', actor: { id: 'u-1', kind: 'user' } },
    prev: 'ab'.repeat(32),
  };

  it('hashes the canonical JSON of stream, revision, id, type, version, data, metadata and prev', () => {
    const expected = createHash('sha256')
      .update(
        canonicalJson({
          stream: input.streamName,
          revision: input.revision,
          id: input.id,
          type: input.type,
          schemaVersion: input.schemaVersion,
          data: input.data,
          metadata: input.metadata,
          prev: input.prev,
        }),
      )
      .digest('hex');
    const hash = chainHash({
      ...input,
      dataJson: canonicalJson(input.data),
      metadataJson: canonicalJson(input.metadata),
    });
    expect(hash).toBe(expected);
  });

  it('starts a stream with prev null', () => {
    const first = { ...input, revision: 0, prev: null };
    const expected = createHash('sha256')
      .update(canonicalJson({ ...first, stream: first.streamName, streamName: undefined }))
      .digest('hex');
    expect(
      chainHash({
        ...first,
        dataJson: canonicalJson(first.data),
        metadataJson: canonicalJson(first.metadata),
      }),
    ).toBe(expected);
  });

  it('puts $chain into the metadata and keeps it canonical', () => {
    const link = { prev: null, hash: 'cd'.repeat(32) };
    expect(withChain(canonicalJson(input.metadata), link)).toBe(
      canonicalJson({ ...input.metadata, $chain: link }),
    );
    expect(withChain('{}', link)).toBe(canonicalJson({ $chain: link }));
  });
});
