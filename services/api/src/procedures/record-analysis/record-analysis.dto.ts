import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
  IsDefined,
} from 'class-validator';
import type { RecordAnalysis } from '@vsoko/domain';
import { IsDate, IsText } from '../../shared/dto/rules';

export class DocumentRefDto {
  @IsText('название документа', 500, 'Аналитическая справка по итогам ВПР')
  title!: string;

  @ApiPropertyOptional({ example: 'https://school.example/docs/vpr-2024.pdf' })
  @IsOptional()
  @IsString({ message: 'ссылка на документ — строка' })
  @MaxLength(2000, { message: 'ссылка не длиннее 2000 символов' })
  reference?: string;
}

export class FigureDto {
  @IsText('показатель', 500, 'Качество знаний')
  indicator!: string;

  @ApiProperty({ example: 62 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'значение показателя — число' })
  value!: number;

  @ApiPropertyOptional({ example: '%' })
  @IsOptional()
  @IsString({ message: 'единица — строка' })
  @MaxLength(50, { message: 'единица не длиннее 50 символов' })
  unit?: string;
}

export class RecordAnalysisDto {
  @IsDate()
  analysedOn!: string;

  @ApiProperty({ type: DocumentRefDto })
  @IsDefined({ message: 'обязательное поле' })
  @ValidateNested()
  @Type(() => DocumentRefDto)
  document!: DocumentRefDto;

  @ApiProperty({ type: [String] })
  @IsArray({ message: 'выводы: список строк' })
  @ArrayNotEmpty({ message: 'укажите хотя бы один вывод' })
  @ArrayMaxSize(100, { message: 'не больше 100 выводов' })
  @IsString({ each: true, message: 'каждый вывод — строка' })
  @MaxLength(2000, { each: true, message: 'вывод не длиннее 2000 символов' })
  findings!: string[];

  @ApiPropertyOptional({ type: [FigureDto] })
  @IsOptional()
  @IsArray({ message: 'показатели: список' })
  @ArrayMaxSize(200, { message: 'не больше 200 показателей' })
  @ValidateNested({ each: true })
  @Type(() => FigureDto)
  figures?: FigureDto[];

  toCommand(procedureId: string): RecordAnalysis {
    return {
      type: 'RecordAnalysis',
      data: {
        procedureId,
        analysedOn: this.analysedOn,
        document: { ...this.document },
        findings: this.findings,
        ...(this.figures ? { figures: this.figures.map((f) => ({ ...f })) } : {}),
      },
    };
  }
}
