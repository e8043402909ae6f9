import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POSITIONS, type Position, type PositionToAssign } from '@vsoko/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '../../shared/ids';

/** A position to hold: at a school, or (district positions) over a district, with what it names. */
export class PositionDto {
  @ApiProperty({ enum: POSITIONS, example: 'class-teacher' })
  @IsIn(POSITIONS as unknown as string[], { message: `должность: одна из ${POSITIONS.join(', ')}` })
  position!: Position;

  @ApiPropertyOptional({ example: 'school-1', description: 'Школа (для школьных должностей)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `школа: ${ID_MESSAGE}` })
  schoolId?: string;

  @ApiPropertyOptional({ example: 'north', description: 'Район (администратор района, инспектор района)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `район: ${ID_MESSAGE}` })
  districtId?: string;

  @ApiPropertyOptional({ example: 'ШМО учителей начальных классов', description: 'Руководитель ШМО: какого' })
  @IsOptional()
  @IsString({ message: 'объединение: строка' })
  @MinLength(1, { message: 'объединение: не может быть пустым' })
  @MaxLength(100, { message: 'объединение: до 100 символов' })
  association?: string;

  @ApiPropertyOptional({ example: '5А', description: 'Классный руководитель: какого класса' })
  @IsOptional()
  @IsString({ message: 'класс: строка' })
  @MinLength(1, { message: 'класс: не может быть пустым' })
  @MaxLength(100, { message: 'класс: до 100 символов' })
  className?: string;

  @ApiPropertyOptional({ example: ['математика', 'физика'], description: 'Учитель: каких предметов' })
  @IsOptional()
  @IsArray({ message: 'предметы: список' })
  @ArrayMaxSize(30, { message: 'не больше 30 предметов' })
  @IsString({ each: true, message: 'предмет: строка' })
  @MaxLength(100, { each: true, message: 'предмет: до 100 символов' })
  subjects?: string[];

  toDomain(): PositionToAssign {
    return {
      position: this.position,
      ...(this.schoolId !== undefined ? { schoolId: this.schoolId } : {}),
      ...(this.districtId !== undefined ? { districtId: this.districtId } : {}),
      ...(this.association !== undefined ? { association: this.association } : {}),
      ...(this.className !== undefined ? { className: this.className } : {}),
      ...(this.subjects !== undefined ? { subjects: this.subjects } : {}),
    };
  }
}
