import { startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** Below this many rows a table is drawn whole: quick enough, and every row stays in the page for find-in-page. */
export const DRAW_ALL_BELOW = 120;
/**
 * A table drawn whole draws this many rows first, and the rest straight after as a transition,
 * which React draws in slices with the window answering between them: drawn in one go, the
 * Actions screen's 59 rows at one year held the window for 145–165 ms on the bench's machine.
 */
const FIRST_DRAWN = 20;

/**
 * A long table draws only the rows near the screen (forty years of actions is some 2,000 rows and
 * 20,000 elements otherwise), measuring each as it is drawn. The screen's scrolling area is the
 * app's main region, so the table's offset within it is the scroll margin. Spacer rows keep the
 * scrollbar true; the table states its full row count (aria-rowcount) and each row its place
 * (aria-rowindex), so a screen reader still says "row 812 of 1,924".
 */
export const useVisibleRows = (count: number, estimate = 64) => {
  // A callback ref (the table element in state), so nothing reads a ref while drawing.
  const [table, tableRef] = useState<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  const all = count < DRAW_ALL_BELOW;
  // How many rows the table has been drawn with whole: never fewer are drawn again (a row added, a
  // refetch after a save), so the rows on the screen stay put while the rest come.
  const [drawnWhole, setDrawnWhole] = useState(0);
  useEffect(() => {
    if (all && drawnWhole !== count) startTransition(() => setDrawnWhole(count));
  }, [all, count, drawnWhole]);
  useLayoutEffect(() => {
    const main = table?.closest('main');
    if (table && main) setMargin(table.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop);
  }, [table, count]);
  // TanStack Virtual hands back functions that change with the scroll; the React Compiler leaves
  // this hook unmemoised, which is what it needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: all ? 0 : count,
    getScrollElement: () => table?.closest('main') ?? null,
    estimateSize: () => estimate,
    overscan: 8,
    scrollMargin: margin,
  });
  if (all) return { tableRef, rows: Array.from({ length: Math.min(count, Math.max(FIRST_DRAWN, drawnWhole)) }, (_, index) => ({ index, key: index })), before: 0, after: 0, measure: undefined };
  const rows = virtualizer.getVirtualItems();
  const before = rows.length ? rows[0].start - margin : 0;
  const after = rows.length ? virtualizer.getTotalSize() - (rows[rows.length - 1].end - margin) : 0;
  return { tableRef, rows: rows.map((r) => ({ index: r.index, key: r.key })), before, after, measure: virtualizer.measureElement };
};
