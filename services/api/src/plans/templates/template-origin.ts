import type { AdoptionCommand } from '@vsoko/domain';

/** Kept with a stored preview that adopts a template: the approval decides it again against the log. */
export interface TemplateOrigin {
  districtId: string;
  templateId: string;
  title: string;
  version: number;
  command: AdoptionCommand;
}
