import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DAY_OFF_POLICIES,
  ESCALATION_ADDRESSEES,
  REMINDER_LIMITS,
  type DayOffPolicy,
  type EscalationAddressee,
} from '@vsoko/domain';

export class ReminderSettingsDto {
  @ApiProperty({
    type: [Number],
    example: [7, 1],
    description: 'За сколько дней до срока решения напоминать',
  })
  @IsArray({ message: 'дни напоминаний: список чисел' })
  @ArrayNotEmpty({ message: 'укажите хотя бы одно напоминание' })
  @ArrayMaxSize(5, { message: 'не больше 5 напоминаний' })
  @IsInt({ each: true, message: 'дни — целые числа' })
  daysBefore!: number[];

  @ApiProperty({ example: 3, description: 'Через сколько дней после просрочки сообщать директору' })
  @IsInt({ message: 'отсрочка эскалации — целое число дней' })
  @Min(0, { message: 'отсрочка эскалации — от 0 дней' })
  @Max(30, { message: 'отсрочка эскалации — не больше 30 дней' })
  escalationGraceDays!: number;

  @ApiPropertyOptional({
    type: [Number],
    example: [3],
    description: 'За сколько дней до начала окна напомнить о подготовке',
  })
  @IsOptional()
  @IsArray({ message: 'дни подготовки: список чисел' })
  @ArrayMaxSize(REMINDER_LIMITS.maxReminders)
  @IsInt({ each: true, message: 'дни — целые числа' })
  preparationDaysBefore?: number[];

  @ApiPropertyOptional({
    type: () => [EscalationStepDto],
    description:
      'Цепочка эскалации после срока (по умолчанию: ответственный +1, заместитель +3, директор +5, инспектор +10)',
  })
  @IsOptional()
  @IsArray({ message: 'цепочка эскалации — список шагов' })
  @ArrayMaxSize(REMINDER_LIMITS.maxSteps)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  escalation?: EscalationStepDto[];

  @ApiPropertyOptional({
    example: 7,
    description: 'Повторять последний шаг каждые N дней до исполнения (0 — не повторять)',
  })
  @IsOptional()
  @IsInt({ message: 'повтор — целое число дней' })
  @Min(0)
  @Max(REMINDER_LIMITS.maxRepeatDays)
  repeatEveryDays?: number;

  @ApiPropertyOptional({
    enum: DAY_OFF_POLICIES,
    description: 'Срок в выходной: next-working-day (по умолчанию) или keep',
  })
  @IsOptional()
  @IsIn(DAY_OFF_POLICIES, { message: 'срок в выходной: next-working-day или keep' })
  dayOffPolicy?: DayOffPolicy;
}

export class EscalationStepDto {
  @ApiProperty({ example: 3, description: 'Через сколько дней после срока (переносится на рабочий день)' })
  @IsInt({ message: 'дни шага — целое число' })
  @Min(0, { message: 'дни шага — от 0' })
  @Max(REMINDER_LIMITS.maxAfterDays, { message: `дни шага — не больше ${REMINDER_LIMITS.maxAfterDays}` })
  afterDays!: number;

  @ApiProperty({
    enum: ESCALATION_ADDRESSEES,
    description: 'Кому: ответственный, заместитель, директор, инспектор района',
  })
  @IsIn(ESCALATION_ADDRESSEES, { message: 'кому: responsible, deputy, director или inspector' })
  to!: EscalationAddressee;
}
