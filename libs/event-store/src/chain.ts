import { hash } from 'node:crypto';

/**
 * Tamper evidence: every event's metadata carries `$chain = { prev, hash }`, where `prev` is the previous
 * event's hash in the same stream (null for revision 0) and `hash` is sha256 over the canonical JSON of
 * { data, id, metadata (without $chain), prev, revision, schemaVersion, stream, type }.
 * Changing, removing or reordering an event breaks its own hash or the next event's `prev`.
 */
export const CHAIN_KEY = '$chain';

export interface ChainLink {
  prev: string | null;
  hash: string;
}

export interface ChainInput {
  streamName: string;
  revision: number;
  id: string;
  type: string;
  schemaVersion: number;
  /** Canonical JSON of the data. */
  dataJson: string;
  /** Canonical JSON of the metadata without `$chain`. */
  metadataJson: string;
  prev: string | null;
}

/** Built by hand in key order, so it is byte-for-byte canonicalJson() of the same object without a second walk. */
export function chainHash(e: ChainInput): string {
  const envelope =
    `{"data":${e.dataJson},"id":${JSON.stringify(e.id)},"metadata":${e.metadataJson},` +
    `"prev":${e.prev === null ? 'null' : JSON.stringify(e.prev)},"revision":${e.revision},` +
    `"schemaVersion":${e.schemaVersion},"stream":${JSON.stringify(e.streamName)},"type":${JSON.stringify(e.type)}}`;
  return hash('sha256', envelope, 'hex');
}

/** Puts `$chain` into canonical metadata JSON; '$' sorts before every other key, so it goes first. */
export function withChain(metadataJson: string, link: ChainLink): string {
  const chain = `"${CHAIN_KEY}":{"hash":"${link.hash}","prev":${link.prev === null ? 'null' : `"${link.prev}"`}}`;
  return metadataJson === '{}' ? `{${chain}}` : `{${chain},${metadataJson.slice(1)}`;
}
