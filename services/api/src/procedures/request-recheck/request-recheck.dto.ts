import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, ValidateNested, IsDefined } from 'class-validator';
import type { RequestRecheck } from '@vsoko/domain';
import { ID_MESSAGE, ID_PATTERN } from '../../shared/ids';
import { ResponsibleDto } from '../../shared/dto/responsible.dto';
import { WindowDto } from '../../shared/dto/window.dto';

export class RequestRecheckDto {
  @ApiProperty({ example: 'vpr-4-math-recheck' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  childProcedureId!: string;

  @ApiProperty({ type: WindowDto })
  @IsDefined({ message: 'обязательное поле' })
  @ValidateNested()
  @Type(() => WindowDto)
  window!: WindowDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'название — строка' })
  @MaxLength(500, { message: 'название не длиннее 500 символов' })
  title?: string;

  @ApiPropertyOptional({ example: '2023/24' })
  @IsOptional()
  @Matches(/^\d{4}\/\d{2}$/, { message: 'учебный год в виде 2023/24' })
  academicYear?: string;

  @ApiPropertyOptional({ type: ResponsibleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsibleDto)
  responsible?: ResponsibleDto;

  toCommand(procedureId: string, decisionId: string): RequestRecheck {
    return {
      type: 'RequestRecheck',
      data: {
        procedureId,
        decisionId,
        childProcedureId: this.childProcedureId,
        window: { ...this.window },
        ...(this.title ? { title: this.title } : {}),
        ...(this.academicYear ? { academicYear: this.academicYear } : {}),
        ...(this.responsible ? { responsible: { ...this.responsible } } : {}),
      },
    };
  }
}
