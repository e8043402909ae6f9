import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ColourTag } from '../format/StatusTag';
import { subjectLabel, type AgendaItem } from './meetings-model';

/** What a screen reader hears while an item is carried with the keyboard: dnd-kit's texts, in Russian. */
const INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    'Чтобы переместить вопрос, нажмите пробел или Enter, затем стрелками вверх и вниз выберите место, ' +
    'пробелом или Enter поставьте его туда, Escape — отменить.',
};

function announcements(items: readonly AgendaItem[]): Announcements {
  const title = (id: string | number) => items.find((i) => i.itemId === id)?.title ?? String(id);
  const place = (id: string | number | undefined) =>
    id === undefined ? '' : ` Место ${items.findIndex((i) => i.itemId === id) + 1} из ${items.length}.`;
  return {
    onDragStart: ({ active }) => `Взят вопрос «${title(active.id)}».${place(active.id)}`,
    onDragOver: ({ active, over }) =>
      over
        ? `Вопрос «${title(active.id)}» над местом ${place(over.id).trim()}`
        : `Вопрос «${title(active.id)}» вне списка.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `Вопрос «${title(active.id)}» поставлен.${place(over.id)}`
        : `Вопрос «${title(active.id)}» возвращён на место.`,
    onDragCancel: ({ active }) => `Перемещение отменено: «${title(active.id)}» на прежнем месте.`,
  };
}

function SortableItem({
  item,
  position,
  editable,
  onRemove,
}: {
  item: AgendaItem;
  position: number;
  editable: boolean;
  onRemove(item: AgendaItem): void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: item.itemId, disabled: !editable });
  const label = subjectLabel(item);
  return (
    <li
      ref={setNodeRef}
      className={`agenda-item${isDragging ? ' agenda-item-dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      {editable ? (
        <button
          type="button"
          className="agenda-handle"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={`Переместить: ${item.title}`}
        >
          <HolderOutlined aria-hidden />
        </button>
      ) : null}
      <span className="agenda-number">{position}.</span>
      <span className="agenda-title">
        {item.title}
        {label ? (
          <>
            {' '}
            <ColourTag colour={item.subject?.kind === 'decision' ? 'amber' : 'violet'}>{label}</ColourTag>
          </>
        ) : null}
        {item.subject?.kind === 'decision' ? (
          <>
            {' '}
            <Link to={`/decision/${item.subject.decisionId}`}>решение</Link>
          </>
        ) : null}
        {item.subject?.kind === 'procedure' ? (
          <>
            {' '}
            <Link to={`/plan/${item.subject.procedureId}`}>процедура</Link>
          </>
        ) : null}
      </span>
      {editable ? (
        <Button
          size="small"
          type="text"
          icon={<DeleteOutlined aria-hidden />}
          aria-label={`Исключить из повестки: ${item.title}`}
          onClick={() => onRemove(item)}
        />
      ) : null}
    </li>
  );
}

/**
 * The agenda as an ordered list: carried with the mouse or a finger by its handle, or with the keyboard (the
 * handle focused, space, arrows, space), each move announced. The order is only saved with a reason.
 */
export function AgendaEditor({
  items,
  order,
  editable,
  onOrder,
  onRemove,
}: {
  items: readonly AgendaItem[];
  order: readonly string[];
  editable: boolean;
  onOrder(order: string[]): void;
  onRemove(item: AgendaItem): void;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byId = new Map(items.map((i) => [i.itemId, i]));
  const ordered = order.map((id) => byId.get(id)).filter((i): i is AgendaItem => !!i);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onOrder(arrayMove([...order], order.indexOf(String(active.id)), order.indexOf(String(over.id))));
  };
  if (ordered.length === 0)
    return (
      <Typography.Paragraph type="secondary">
        В повестке пока нет вопросов. Добавьте вопрос ниже: о результатах процедуры, о ходе исполнения решений
        или любой другой.
      </Typography.Paragraph>
    );
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements: announcements(ordered), screenReaderInstructions: INSTRUCTIONS }}
    >
      <SortableContext items={[...order]} strategy={verticalListSortingStrategy}>
        <ol className="agenda" aria-label="Повестка">
          {ordered.map((item, n) => (
            <SortableItem
              key={item.itemId}
              item={item}
              position={n + 1}
              editable={editable}
              onRemove={onRemove}
            />
          ))}
        </ol>
      </SortableContext>
      {editable ? (
        <Space style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">
            Порядок меняется перетаскиванием за значок слева или с клавиатуры: значок, пробел, стрелки,
            пробел.
          </Typography.Text>
        </Space>
      ) : null}
    </DndContext>
  );
}
