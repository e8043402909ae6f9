import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;

/** Read-your-writes: wait until the read models have folded the log up to a position a command returned. */
export class WaitQueryDto {
  @ApiPropertyOptional({ type: Number, description: 'Дождаться, пока списки учтут эту позицию журнала' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'waitForPosition: позиция в журнале, целое число' })
  @Min(0, { message: 'waitForPosition: позиция в журнале, целое число' })
  waitForPosition?: number;

  @ApiPropertyOptional({ type: Number, default: 5000, description: 'Сколько ждать, мс (0…30000)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'timeoutMs: от 0 до 30000' })
  @Min(0, { message: 'timeoutMs: от 0 до 30000' })
  @Max(30_000, { message: 'timeoutMs: от 0 до 30000' })
  timeoutMs = 5_000;
}

/** Paging and read-your-writes, common to every list. */
export class PageQueryDto extends WaitQueryDto {
  @ApiPropertyOptional({ type: Number, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page: целое число от 1' })
  @Min(1, { message: 'page: целое число от 1' })
  page = 1;

  @ApiPropertyOptional({ type: Number, default: 50, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `pageSize: целое число от 1 до ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `pageSize: целое число от 1 до ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `pageSize: целое число от 1 до ${MAX_PAGE_SIZE}` })
  pageSize = 50;

  @ApiPropertyOptional({
    description:
      'Постраничный обход без общего числа: пустая строка — с начала, дальше — nextCursor предыдущего ответа ' +
      '(тогда page не учитывается, а total не считается)',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{0,2048}$/, { message: 'cursor: курсор страницы из ответа (nextCursor)' })
  cursor?: string;
}

/** A page by number, with the list's total (pages that show it), and the cursor of the page after it. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  /** Keyset cursor of the next page (`cursor=`), null after the last one. */
  nextCursor: string | null;
}

/** A page by cursor: no total is counted, so its cost does not grow with the list. */
export interface CursorPage<T> {
  items: T[];
  pageSize: number;
  nextCursor: string | null;
}

/** What a list answers: a numbered page, or the page after a cursor. */
export type ListPage<T> = Page<T> | CursorPage<T>;

/** `deadline` ascending, `-deadline` descending; the id breaks ties so pages never overlap. */
export function sortSpec(sort: string): Record<string, 1 | -1> {
  const descending = sort.startsWith('-');
  return { [descending ? sort.slice(1) : sort]: descending ? -1 : 1, _id: 1 };
}
