import { Type } from 'class-transformer';
import { ValidateNested, IsDefined } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { RescheduleProcedure } from '@vsoko/domain';
import { IsText } from '../../shared/dto/rules';
import { WindowDto } from '../../shared/dto/window.dto';

export class RescheduleDto {
  @ApiProperty({ type: WindowDto })
  @IsDefined({ message: 'обязательное поле' })
  @ValidateNested()
  @Type(() => WindowDto)
  window!: WindowDto;

  @IsText('причина переноса', 1000, 'Приказ № 45 о переносе сроков ВПР')
  reason!: string;

  toCommand(procedureId: string): RescheduleProcedure {
    return {
      type: 'RescheduleProcedure',
      data: { procedureId, window: { ...this.window }, reason: this.reason },
    };
  }
}
