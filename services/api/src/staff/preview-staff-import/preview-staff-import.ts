import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@vsoko/accounts';
import {
  assignmentIdOf,
  describeHolding,
  Forbidden,
  personDecider,
  personStreamName,
  ValidationFailed,
  type PersonState,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import { loginCandidate, type StaffListRow } from '@vsoko/plan-import';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { PlanParser } from '../../plans/upload/plan-parser';
import { StaffImportStore } from '../shared/staff-import-store';
import type { StaffPreview, StaffPreviewPosition, StaffPreviewRow } from '../shared/staff-preview';

/** The director of the school alone staffs it (ADR 0013 and the organisation's rules). */
export function requireDirectorOf(principal: Principal, schoolId: string): void {
  if (principal.kind !== 'user' || principal.schoolId !== schoolId || !principal.roles.includes('director')) {
    throw new Forbidden('SCHOOL_MISMATCH', 'Список сотрудников школы загружает её директор', { schoolId });
  }
}

const sameName = (a: string, b: string) =>
  a.toLowerCase().replace(/ё/g, 'е') === b.toLowerCase().replace(/ё/g, 'е');

/**
 * Step one of a staff import: the file read in the parsing thread, each person matched to an account (the login
 * made from the name; someone else's login moves to the next: ivanova.mp2), each position marked as held or
 * new. Writes no event; the preview waits for approval.
 */
@Injectable()
export class PreviewStaffImport {
  constructor(
    private readonly parser: PlanParser,
    private readonly handler: DeciderHandler,
    private readonly store: StaffImportStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(
    request: { schoolId: string; fileName: string; bytes: Buffer },
    principal: Principal,
  ): Promise<StaffPreview> {
    requireDirectorOf(principal, request.schoolId);
    if (request.bytes.length === 0) {
      throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл со списком сотрудников (поле file)');
    }
    const list = await this.parser.staffList(request);
    const claimed = new Map<string, string>();
    const rows: StaffPreviewRow[] = [];
    for (const row of list.rows) rows.push(await this.previewRow(row, request.schoolId, claimed));
    const preview: StaffPreview = {
      importId: '',
      schoolId: request.schoolId,
      fileName: request.fileName,
      rows,
      summary: {
        people: rows.length,
        new: rows.filter((r) => r.status === 'new').length,
        changes: rows.filter((r) => r.status === 'changes').length,
        unchanged: rows.filter((r) => r.status === 'unchanged').length,
        error: rows.filter((r) => r.status === 'error').length,
        positions: rows.reduce((n, r) => n + r.positions.filter((p) => p.status === 'new').length, 0),
        warnings: rows.reduce((n, r) => n + r.warnings.length, 0),
      },
    };
    const importId = await this.store.save(list.contentKey, {
      preview,
      uploadedBy: actorOf(principal),
      uploadedAt: this.clock.now().toISOString(),
    });
    return { ...preview, importId };
  }

  private async previewRow(
    row: StaffListRow,
    schoolId: string,
    claimed: Map<string, string>,
  ): Promise<StaffPreviewRow> {
    const base = {
      rowNumber: row.rowNumber,
      location: row.location,
      fullName: row.fullName,
      ...(row.email ? { email: row.email } : {}),
      warnings: [...row.warnings],
    };
    if (row.error) return { ...base, status: 'error', positions: [], error: row.error };
    const { login, person } = await this.accountOf(row.fullName, claimed);
    const held = new Set(person.status === 'unregistered' ? [] : person.holdings.map((h) => h.assignmentId));
    if (person.status === 'deactivated') {
      return { ...base, login, status: 'error', positions: [], error: `Учётная запись ${login} отключена` };
    }
    if (person.status === 'active' && row.email && person.email && person.email !== row.email) {
      base.warnings.push(`В системе у сотрудника другой адрес почты (${person.email}): он не меняется`);
    }
    const positions: StaffPreviewPosition[] = row.positions.map((p) => {
      const { asWritten, ...holding } = p;
      const placed = { ...holding, schoolId };
      const assignmentId = assignmentIdOf(placed);
      const status = held.has(assignmentId) ? 'held' : p.position === 'director' ? 'skipped' : 'new';
      if (status === 'skipped') {
        base.warnings.push(
          'Директора назначает администратор района: должность «директор» не будет назначена',
        );
      }
      return { ...holding, title: describeHolding(placed), asWritten, assignmentId, status };
    });
    if (person.status === 'unregistered' && positions.every((p) => p.status === 'skipped')) {
      return { ...base, login, status: 'error', positions, error: 'Директора заводит администратор района' };
    }
    const anyNew = positions.some((p) => p.status === 'new');
    const status = person.status === 'unregistered' ? 'new' : anyNew ? 'changes' : 'unchanged';
    return { ...base, login, status, positions };
  }

  /** The account the row names: the first login made from the name that is free or already this person's. */
  private async accountOf(
    fullName: string,
    claimed: Map<string, string>,
  ): Promise<{ login: string; person: PersonState }> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const login = loginCandidate(fullName, attempt);
      const other = claimed.get(login);
      if (other !== undefined && !sameName(other, fullName)) continue;
      const { state } = await this.handler.load(personStreamName(login), personDecider);
      if (state.status === 'unregistered' || sameName(state.fullName, fullName)) {
        claimed.set(login, fullName);
        return { login, person: state };
      }
    }
    throw new ValidationFailed('LOGIN_UNAVAILABLE', `Не удалось подобрать логин для «${fullName}»`);
  }
}
