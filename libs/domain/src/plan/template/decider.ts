import type { Decider } from '../../shared';
import type { TemplateEvent } from './events';
import { decideTemplate, type PublishTemplate } from './publish';
import { evolveTemplate, initialTemplateState, type TemplateState } from './state';

/** A district template as a decider, for the shared command handler. */
export const templateDecider: Decider<PublishTemplate, TemplateEvent, TemplateState> = {
  initialState: initialTemplateState,
  evolve: evolveTemplate,
  decide: (command, state) => decideTemplate(command, state),
};
