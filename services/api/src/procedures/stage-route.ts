import type { Type } from '@nestjs/common';
import type { ProcedureCommand } from '@vsoko/domain';

/** A validated body that names one command on a procedure (and, on decision routes, on one of its decisions). */
export interface StageCommandBody {
  toCommand(procedureId: string, decisionId: string): ProcedureCommand;
}

/** One endpoint `POST /procedures/:id/<path>`: its body class (validated as any DTO) and its OpenAPI summary. */
export interface StageRoute {
  /** The controller method's name, hence the OpenAPI operation id `ProcedureCommandsController_<name>`. */
  name: string;
  /** Relative to `procedures/:id`; a decision's route contains `:decisionId`. */
  path: string;
  summary: string;
  body: Type<StageCommandBody>;
}
