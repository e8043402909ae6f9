import { Injectable } from '@nestjs/common';
import { Directory, type Principal } from '@vsoko/accounts';
import {
  DISTRICT_TEMPLATES_COLLECTION,
  type DistrictTemplatesDocument,
  type TemplateSummary,
} from '@vsoko/projections';
import { ReadModelReader } from '../../../read-models/read-model-reader';
import { DistrictAccess } from '../district-access';
import { adoptionCounts, type AdoptionCounts } from './district-template-views';
import type { DistrictTemplatesQueryDto } from './district-templates.dto';

export interface DistrictTemplateListItem extends TemplateSummary {
  adoption: AdoptionCounts;
}

export interface DistrictTemplateList {
  districtId: string;
  name: string | null;
  schools: number;
  templates: DistrictTemplateListItem[];
}

/**
 * `GET /districts/:districtId/plan-templates`: the district's templates with how many of its schools stand at
 * the latest version, an older one or none — the district's one roll-up document and its directory entry.
 */
@Injectable()
export class ListDistrictTemplates {
  constructor(
    private readonly access: DistrictAccess,
    private readonly directory: Directory,
    private readonly reader: ReadModelReader,
  ) {}

  async run(
    districtId: string,
    query: DistrictTemplatesQueryDto,
    principal: Principal,
  ): Promise<DistrictTemplateList> {
    await this.access.requireReader(principal, districtId);
    await this.reader.waitFor(query);
    const [district, doc] = await Promise.all([
      this.directory.district(districtId),
      this.reader.get<DistrictTemplatesDocument>(DISTRICT_TEMPLATES_COLLECTION, districtId),
    ]);
    const schools = district?.schoolIds.length ?? 0;
    const templates = (doc?.templates ?? [])
      .filter((t) => query.academicYear === undefined || t.academicYear === query.academicYear)
      .map((t) => ({
        ...t,
        adoption: adoptionCounts(
          t.version,
          (doc?.adopted ?? [])
            .filter((a) => a.templateId === t.templateId)
            .map(({ version, schools: n }) => ({ version, schools: n })),
          schools,
        ),
      }));
    return { districtId, name: district?.name ?? null, schools, templates };
  }
}
