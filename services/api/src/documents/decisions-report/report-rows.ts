import { ruNumber, type DecisionsReportRow, type DynamicsRow, type MeasureRow } from '@vsoko/documents';
import { ruDate } from '@vsoko/domain';
import type { Cell, Table } from '../../reports/table';

/** A cell as a Word table writes it: a day as dd.mm.yyyy, a number with a decimal comma, nothing as empty. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return ruDate(cell.date);
  if (typeof cell === 'number') return ruNumber(cell);
  return cell;
}

/** A change from the value before, signed as a report writes it: «+3,5», «-2», «0». */
function changeText(cell: Cell | undefined): string {
  if (typeof cell !== 'number') return cellText(cell);
  return cell > 0 ? `+${ruNumber(cell)}` : ruNumber(cell);
}

/*
 * The report's three sections as the Word template's loops, from the very tables GET /reports/{meetings,
 * measures,dynamics}.xlsx write (services/api/src/reports): one source for the spreadsheet and the document.
 * Column positions are those tables' *_REPORT_COLUMNS.
 */

export function meetingRows(table: Table): DecisionsReportRow[] {
  return table.rows.map((r) => ({
    n: cellText(r[0]),
    level: cellText(r[1]),
    date: cellText(r[2]),
    decision: cellText(r[3]),
    deadline: cellText(r[4]),
    responsible: cellText(r[5]),
    status: cellText(r[7]),
    executedOn: cellText(r[8]),
    effectiveness: cellText(r[10]),
  }));
}

export function measureRows(table: Table): MeasureRow[] {
  return table.rows.map((r) => ({
    n: cellText(r[0]),
    year: cellText(r[1]),
    measure: cellText(r[2]),
    classes: cellText(r[3]),
    subjects: cellText(r[4]),
    teachers: cellText(r[5]),
    adopted: cellText(r[6]),
    status: cellText(r[7]),
    executedOn: cellText(r[8]),
    effectiveness: cellText(r[9]),
  }));
}

export function dynamicsRows(table: Table): DynamicsRow[] {
  return table.rows.map((r) => ({
    n: cellText(r[0]),
    indicator: cellText(r[1]),
    procedure: cellText(r[2]),
    year: cellText(r[3]),
    analysedOn: cellText(r[4]),
    value: cellText(r[5]),
    unit: cellText(r[6]),
    change: changeText(r[7]),
    document: cellText(r[8]),
  }));
}
