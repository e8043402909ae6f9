import type { Type } from '@nestjs/common';
import type { ProcedureCommand } from '@vsoko/domain';
import type { TableRoute } from '../shared/route-table';

/** A validated body that names one command on a procedure (and, on decision routes, on one of its decisions). */
export interface StageCommandBody {
  toCommand(procedureId: string, decisionId: string): ProcedureCommand;
}

/** One endpoint `POST /procedures/:id/<path>`: its body class (validated as any DTO) and its OpenAPI summary. */
export interface StageRoute extends TableRoute {
  /** Relative to `procedures/:id`; a decision's route contains `:decisionId`. */
  path: string;
  body: Type<StageCommandBody>;
}
