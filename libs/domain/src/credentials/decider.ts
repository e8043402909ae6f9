import type { Decider } from '../shared';
import type { CredentialsCommand } from './commands';
import { decideCredentials } from './decide';
import type { CredentialsEvent } from './events';
import { evolveCredentials } from './evolve';
import { initialCredentialsState, type CredentialsState } from './state';

export const credentialsDecider: Decider<CredentialsCommand, CredentialsEvent, CredentialsState> = {
  decide: decideCredentials,
  evolve: evolveCredentials,
  initialState: initialCredentialsState,
};
