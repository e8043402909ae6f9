import { IntersectionType, OmitType } from '@nestjs/swagger';
import { ScopeFilterDto } from '../filters';
import { WaitQueryDto } from '../page-query.dto';

/** A school or a district, and a year: whose decisions' effectiveness verdicts are counted. */
export class EffectivenessQueryDto extends IntersectionType(
  OmitType(ScopeFilterDto, ['responsible'] as const),
  WaitQueryDto,
) {}
