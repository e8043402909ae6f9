import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, type FormInstance } from 'antd';
import { useSignedIn } from '../auth/SessionContext';
import { listPositions, type PositionInfo } from './people-api';

/** A position as the forms take it: what it is, its class or association, a teacher's subjects by commas. */
export interface PositionValues {
  position: string;
  detail?: string;
  subjects?: string;
}

/** The school's positions, the one chosen in `form`, and what that one requires besides (a class, an association). */
export function usePositionChoice(form: FormInstance) {
  const { api } = useSignedIn();
  const positions = useQuery({ queryKey: ['positions'], queryFn: () => listPositions(api) });
  const position = Form.useWatch<string | undefined>('position', form);
  const requires = positions.data?.find((p) => p.position === position)?.requires;
  return { positions, position, requires };
}

/** The position's fields: the list, then the class or association it requires, then a teacher's subjects. */
export function PositionFields({ choice }: { choice: ReturnType<typeof usePositionChoice> }) {
  const { positions, position, requires } = choice;
  return (
    <>
      <Form.Item
        name="position"
        label="Должность"
        rules={[{ required: true, message: 'Выберите должность' }]}
      >
        <Select
          loading={positions.isLoading}
          options={(positions.data ?? []).map((p) => ({ value: p.position, label: p.title }))}
        />
      </Form.Item>
      {requires === 'className' || requires === 'association' ? (
        <Form.Item
          name="detail"
          label={requires === 'className' ? 'Класс' : 'Методическое объединение'}
          rules={[{ required: true, whitespace: true, message: 'Заполните' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      ) : null}
      {position === 'teacher' ? (
        <Form.Item name="subjects" label="Предметы" extra="Через запятую">
          <Input autoComplete="off" />
        </Form.Item>
      ) : null}
    </>
  );
}

/** The position at the school as POST /people and POST /people/:id/positions take it. */
export function positionAssignment(v: PositionValues, requires: PositionInfo['requires'], schoolId: string) {
  const subjects = (v.subjects ?? '')
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    position: v.position as never,
    schoolId,
    ...(requires === 'className' && v.detail ? { className: v.detail.trim() } : {}),
    ...(requires === 'association' && v.detail ? { association: v.detail.trim() } : {}),
    ...(subjects.length ? { subjects } : {}),
  };
}
