import type { Holding } from '../positions';

export interface PersonRecord {
  personId: string;
  fullName: string;
  email?: string;
  /** Positions held now; removed ones live on in the stream. */
  holdings: Holding[];
}

export type PersonState =
  | { status: 'unregistered' }
  | ({ status: 'active' } & PersonRecord)
  | ({ status: 'deactivated'; reason: string } & PersonRecord);

export const initialPersonState: PersonState = { status: 'unregistered' };
