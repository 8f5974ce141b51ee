import type { MeetingView } from '@shared/rules/meetingView';

/** A meeting's agenda items as options of a select, numbered as the agenda numbers them. */
export const ItemOptions = ({ items }: { items: MeetingView['items'] }) => (
  <>
    {items.map((i) => (
      <option key={i.id} value={i.id}>
        {i.number}. {i.title}
      </option>
    ))}
  </>
);
