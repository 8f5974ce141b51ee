import type { AgendaLine } from '@shared/views';

/** An agenda item as either screen holds it (the Pack screen's agenda line or the Meeting's item view). */
export type ItemRef = Pick<AgendaLine, 'id' | 'rev' | 'number' | 'title' | 'purpose' | 'part2'> & { paper: { coverSheet: NonNullable<AgendaLine['paper']>['coverSheet'] } | null };
