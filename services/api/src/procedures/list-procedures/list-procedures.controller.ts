import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadableSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { ListProceduresDto } from './list-procedures.dto';
import { ListProcedures } from './list-procedures';

@ApiTags('Процедуры')
@Controller('procedures')
export class ListProceduresController {
  constructor(private readonly procedures: ListProcedures) {}

  @Get()
  @ApiOperation({
    summary: 'Процедуры плана с фильтрами (школа, год, этап, направление, ответственный, просрочка)',
  })
  list(@Query() q: ListProceduresDto, @ReadableSchools() schools: SchoolScope) {
    return this.procedures.list(q, schools);
  }
}
