import { assertNever } from '../shared';
import type { CredentialsEvent } from './events';
import type { CredentialsState, OutstandingLink } from './state';

/** Only the last links are remembered as spent: older ones are unknown, which refuses them just the same. */
const SPENT_KEPT = 20;

function spend(state: CredentialsState, digest: string | undefined): readonly string[] {
  if (digest === undefined) return state.spent;
  return [...state.spent, digest].slice(-SPENT_KEPT);
}

function replaceLink(state: CredentialsState, next: OutstandingLink): Partial<CredentialsState> {
  return { outstanding: next, spent: spend(state, state.outstanding?.tokenDigest) };
}

export function evolveCredentials(state: CredentialsState, event: CredentialsEvent): CredentialsState {
  const personId = event.data.personId;
  switch (event.type) {
    case 'InvitationIssued':
      return {
        ...state,
        personId,
        ...replaceLink(state, { kind: 'invitation', ...linkOf(event.data) }),
      };
    case 'PasswordResetRequested':
      return { ...state, personId, ...replaceLink(state, { kind: 'reset', ...linkOf(event.data) }) };
    case 'PasswordResetForced':
      return {
        ...state,
        personId,
        hasPassword: false,
        resetForced: true,
        ...replaceLink(state, { kind: 'reset', ...linkOf(event.data) }),
      };
    case 'InvitationAccepted':
    case 'PasswordReset':
      return {
        ...state,
        personId,
        hasPassword: true,
        resetForced: false,
        outstanding: null,
        spent: spend(state, event.data.tokenDigest),
      };
    case 'PasswordChanged':
      return { ...state, personId, hasPassword: true };
    default:
      return assertNever(event);
  }
}

function linkOf(data: { tokenDigest: string; expiresAt: string }) {
  return { tokenDigest: data.tokenDigest, expiresAt: data.expiresAt };
}
