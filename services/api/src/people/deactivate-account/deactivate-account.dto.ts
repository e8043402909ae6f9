import { IsText } from '../../shared/dto/rules';

export class DeactivateAccountDto {
  @IsText('причина', 500, 'Уволена, приказ № 15 от 30.06.2026')
  reason!: string;
}
