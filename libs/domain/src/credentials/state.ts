import type { CredentialLinkKind } from './events';

/** The one link that works now; a newer link of any kind replaces it. */
export interface OutstandingLink {
  kind: CredentialLinkKind;
  tokenDigest: string;
  expiresAt: string;
}

export interface CredentialsState {
  personId: string | null;
  /** The person has chosen a password (through an invitation or a reset) and it was not revoked since. */
  hasPassword: boolean;
  /** A reset was imposed and not yet completed: the old password no longer signs in. */
  resetForced: boolean;
  outstanding: OutstandingLink | null;
  /** Digests of links already used or replaced, to say «already used» rather than «unknown». */
  spent: readonly string[];
}

export const initialCredentialsState: CredentialsState = {
  personId: null,
  hasPassword: false,
  resetForced: false,
  outstanding: null,
  spent: [],
};
