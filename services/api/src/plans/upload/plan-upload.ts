import { fileTooLarge } from '@vsoko/plan-import';
import { BoundedUpload } from '../../shared/bounded-upload';

/**
 * The one `file` of a plan, template, staff list or decisions report, buffered within PlansModule's
 * `boundedUploads`; the parsing itself happens in PlanParser's threads.
 */
export const PlanUpload = () => BoundedUpload(fileTooLarge);
