import type { ActiveProcedure } from './state';
import type { Stage } from './values';

/** The stage whose work the procedure is waiting for; none once decisions are being followed up. */
export function pendingStage(state: ActiveProcedure): Stage | null {
  switch (state.status) {
    case 'scheduled':
      return 'performance';
    case 'performed':
      return 'analysis';
    case 'analysed':
      return 'discussion';
    case 'discussed':
      return 'decision';
    case 'following-up':
      return null;
  }
}
