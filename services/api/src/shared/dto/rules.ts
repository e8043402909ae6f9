import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as the school writes it, YYYY-MM-DD; whether it may lie in the future is a domain rule. */
export function IsDate(example = '2023-10-15') {
  return applyDecorators(
    ApiProperty({ example }),
    Matches(DATE_PATTERN, { message: 'дата в формате ГГГГ-ММ-ДД' }),
  );
}

/** Required human text with a length limit and a Russian message. */
export function IsText(what: string, max: number, example?: string) {
  return applyDecorators(
    ApiProperty({ example }),
    IsString({ message: `${what}: ожидается строка` }),
    IsNotEmpty({ message: `${what}: не может быть пустым` }),
    MaxLength(max, { message: `${what}: не длиннее ${max} символов` }),
  );
}
