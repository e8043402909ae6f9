import { Injectable } from '@nestjs/common';
import { Directory, type Principal } from '@vsoko/accounts';
import { NotFound } from '@vsoko/domain';
import {
  PLAN_TEMPLATE_COLLECTION,
  planTemplateDocumentId,
  type PlanTemplateDocument,
} from '@vsoko/projections';
import { ReadModelReader } from '../../../read-models/read-model-reader';
import { DistrictAccess } from '../district-access';
import {
  adoptionCounts,
  adoptionViews,
  type AdoptionCounts,
  type AdoptionView,
} from './district-template-views';
import type { DistrictTemplatesQueryDto } from './district-templates.dto';

export interface DistrictTemplateView extends Omit<
  PlanTemplateDocument,
  '_id' | '_position' | 'adoptions' | 'adoptedByVersion'
> {
  adoption: AdoptionCounts;
  /** Schools of the district that adopted, on the latest version first. */
  adopted: AdoptionView[];
  /** Schools of the district whose plan holds no version of the template. */
  notAdopted: { schoolId: string; name: string }[];
}

/**
 * `GET /districts/:districtId/plan-templates/:templateId`: the template's versions and where each school of the
 * district stands with it. The template is looked up under the caller's district only, so another district's
 * template answers like an unknown one (404).
 */
@Injectable()
export class GetDistrictTemplate {
  constructor(
    private readonly access: DistrictAccess,
    private readonly directory: Directory,
    private readonly reader: ReadModelReader,
  ) {}

  async run(
    districtId: string,
    templateId: string,
    query: DistrictTemplatesQueryDto,
    principal: Principal,
  ): Promise<DistrictTemplateView> {
    await this.access.requireReader(principal, districtId);
    await this.reader.waitFor(query);
    const doc = await this.reader.get<PlanTemplateDocument>(
      PLAN_TEMPLATE_COLLECTION,
      planTemplateDocumentId(districtId, templateId),
    );
    if (!doc || doc.districtId !== districtId) {
      throw new NotFound('TEMPLATE_NOT_FOUND', `Шаблон ${templateId} в районе не опубликован`, {
        templateId,
      });
    }
    const schools = new Map((await this.directory.schoolsOf(districtId)).map((s) => [s._id, s]));
    const { _id, _position, adoptions, adoptedByVersion: _counts, ...template } = doc;
    const adopted = adoptionViews(adoptions, doc.version, schools);
    const taken = new Set(adopted.map((a) => a.schoolId));
    const notAdopted = [...schools.values()]
      .filter((s) => !taken.has(s._id))
      .map((s) => ({ schoolId: s._id, name: s.name }));
    const byVersion = [...new Set(adopted.map((a) => a.version))]
      .sort((a, b) => a - b)
      .map((version) => ({ version, schools: adopted.filter((a) => a.version === version).length }));
    return {
      ...template,
      adoption: adoptionCounts(doc.version, byVersion, schools.size),
      adopted,
      notAdopted,
    };
  }
}
