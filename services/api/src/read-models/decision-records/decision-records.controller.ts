import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadableSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { ListDecisionRecordsDto } from './list-decision-records.dto';
import { ListDecisionRecords } from './list-decision-records';

@ApiTags('Управленческие решения')
@Controller('decision-records')
export class DecisionRecordsController {
  constructor(private readonly records: ListDecisionRecords) {}

  @Get()
  @ApiOperation({
    summary:
      'Решения заседаний (каждое — свой поток): школа, учебный год, ведущий исполнитель, только в работе; ближайший срок первым',
  })
  list(@Query() query: ListDecisionRecordsDto, @ReadableSchools() schools: SchoolScope) {
    return this.records.list(query, schools);
  }
}
