import { Tag } from 'antd';
import type { DecisionStatus, ProcedureStage } from '../api/domain';
import { DECISION_STATUS_NAMES, STAGE_NAMES } from './titles';

/**
 * Status colours with text dark enough on their own background for WCAG AA (4.5:1): Ant Design's preset tag
 * colours (`success`, `error`, `processing`) put light green or red text on a pale background and fail it.
 */
export const TAG_COLOURS = {
  blue: { color: '#0b4a84', background: '#e8f1fb', borderColor: '#a9c8ea' },
  red: { color: '#a3111f', background: '#fff1f0', borderColor: '#f0a8a8' },
  green: { color: '#1d5c20', background: '#eff8ec', borderColor: '#a6d49b' },
  grey: { color: '#3d3d3d', background: '#f2f2f2', borderColor: '#cfcfcf' },
  amber: { color: '#7a3f00', background: '#fff5e6', borderColor: '#f0c88a' },
  violet: { color: '#4b2a99', background: '#f3effc', borderColor: '#c5b4ee' },
  teal: { color: '#075e56', background: '#e8f7f5', borderColor: '#93d3cb' },
} as const;
export type TagColour = keyof typeof TAG_COLOURS;

export function ColourTag({ colour, children }: { colour: TagColour; children: React.ReactNode }) {
  return <Tag style={TAG_COLOURS[colour]}>{children}</Tag>;
}

const DECISION_COLOURS: Record<DecisionStatus, TagColour> = {
  open: 'blue',
  overdue: 'red',
  executed: 'green',
  cancelled: 'grey',
};

export function DecisionStatusTag({ status }: { status: DecisionStatus }) {
  return <ColourTag colour={DECISION_COLOURS[status]}>{DECISION_STATUS_NAMES[status]}</ColourTag>;
}

const STAGE_COLOURS: Record<ProcedureStage, TagColour> = {
  scheduled: 'grey',
  performed: 'blue',
  analysed: 'violet',
  discussed: 'amber',
  'following-up': 'teal',
  closed: 'green',
  cancelled: 'grey',
};

export function StageTag({ stage }: { stage: ProcedureStage }) {
  return <ColourTag colour={STAGE_COLOURS[stage]}>{STAGE_NAMES[stage]}</ColourTag>;
}
