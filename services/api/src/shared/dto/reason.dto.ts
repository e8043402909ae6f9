import { IsText } from './rules';

/** A command whose only field is why: cancelling, withdrawing, removing from an agenda. */
export class ReasonDto {
  @IsText('причина', 1000, 'Результаты ещё не получены')
  reason!: string;
}
