import { useState } from 'react';
import { ReturnFocus } from '../../components/ReturnFocus';
import {
  Button,
  Dialog,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDown16Regular, ArrowUp16Regular, Delete16Regular, Edit16Regular, MoreHorizontal16Regular, ReOrderDotsVertical20Regular } from '@fluentui/react-icons';
import { PURPOSE_LABEL } from '@shared/pack/model';
import type { AgendaItemView, MeetingView } from '@shared/rules/meetingView';
import { bridge } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { formatUkDate } from '../../format';
import { AgendaItemDialog } from './AgendaItemDialog';
import { PaperBadge } from './PaperBadge';
import { useChange } from '../../components/useChange';
import { PaperDialog } from './PaperDialog';
import { StandingItemsDialog } from './StandingItemsDialog';
import { CoverSheetDialog } from '../../components/CoverSheetDialog';
import { PartTwoDialog } from '../../components/PartTwoDialog';
import { useQuery } from '../../bridge';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: '12px 0', padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  row: {
    display: 'grid',
    gridTemplateColumns: '24px 40px 110px 1fr auto',
    gap: '8px',
    alignItems: 'center',
    padding: '8px 12px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  dragging: { opacity: 0.5 },
  dropTarget: { borderTop: `3px solid ${tokens.colorBrandStroke1}` },
  handle: { cursor: 'grab', color: tokens.colorNeutralForeground3 },
  time: { fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
  tools: { display: 'flex', gap: '2px', alignItems: 'center' },
  bar: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * The agenda in the order it will be taken: drag an item by its handle, or use Move up / Move
 * down (also Alt+↑ / Alt+↓ on a focused row). Start times follow from the meeting's start and
 * each item's minutes, as printed agendas show them.
 */
export const AgendaTab = ({ view }: { view: MeetingView }) => {
  const styles = useStyles();
  const [editing, setEditing] = useState<AgendaItemView | 'new' | null>(null);
  const [removing, setRemoving] = useState<AgendaItemView | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'paper' | 'cover' | 'part2'; item: AgendaItemView } | { kind: 'standing' } | null>(null);
  const boards = useQuery('boards:list', {});
  const closeDialog = (summary?: string | null) => {
    setDialog(null);
    if (summary) setNotice(summary);
  };
  const board = boards.state.status === 'ready' ? boards.state.value.find((b) => b.id === view.meeting.boardId) : undefined;
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const { act, error, notice, setNotice } = useChange();
  const items = view.items;

  const moveTo = async (item: AgendaItemView, toIndex: number) => {
    if (toIndex < 0 || toIndex >= items.length) return;
    if (await act(() => bridge().agenda.move({ agendaItemId: item.id, toIndex }))) requestAnimationFrame(() => document.getElementById(`agenda-item-${item.id}`)?.focus());
  };

  if (items.length === 0)
    return (
      <>
        <ErrorBar title="The agenda was not drafted" error={error} />
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>No agenda yet</MessageBarTitle>
            Draft it from the board’s standing items, the forward plan items planned for this meeting and its deep dive; you can then add, move and remove items.
          </MessageBarBody>
        </MessageBar>
        <Button appearance="primary" style={{ marginTop: '12px' }} onClick={() => act(() => bridge().agenda.draft({ meetingId: view.meeting.id }))}>
          Draft the agenda
        </Button>
      </>
    );

  // Approved minutes: the agenda is the record members received and the minutes cite; it is shown, not edited.
  const frozen = view.meeting.status === 'minutes-approved';
  return (
    <>
      {frozen && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>The minutes of this meeting are approved</MessageBarTitle>
            Its agenda is the board’s record: item numbers, titles, times and Part 2 stay as approved. A change is made as a correction agreed at a later meeting (Minutes › Record a correction…).
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar title="The agenda was not changed" error={error} />
      {notice && !error && (
        <Text role="status" block className={styles.muted}>
          {notice}
        </Text>
      )}
      {view.overrunMinutes > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>The agenda overruns</MessageBarTitle>
            It runs {view.overrunMinutes} minutes past the planned end of {view.meeting.endTime}. Shorten items or move one to a later meeting.
          </MessageBarBody>
        </MessageBar>
      )}
      <ol className={styles.list} aria-label="Agenda">
        {items.map((item, index) => (
          <li
            key={item.id}
            id={`agenda-item-${item.id}`}
            tabIndex={0}
            aria-label={`Item ${item.number}, ${item.start}: ${item.title}`}
            className={mergeClasses(styles.row, dragged === item.id && styles.dragging, over === item.id && dragged !== item.id && styles.dropTarget)}
            draggable={!frozen}
            onDragStart={(e) => {
              setDragged(item.id);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', item.id);
            }}
            onDragEnd={() => {
              setDragged(null);
              setOver(null);
            }}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(item.id);
            }}
            onDrop={(e) => {
              e.preventDefault();
              const moving = items.find((i) => i.id === e.dataTransfer.getData('text/plain'));
              setDragged(null);
              setOver(null);
              // Dropped items go before the target (the line drawn above it), so a move down lands one place earlier.
              if (moving && moving.id !== item.id) void moveTo(moving, index > items.indexOf(moving) ? index - 1 : index);
            }}
            onKeyDown={(e) => {
              if (frozen || e.target !== e.currentTarget || !e.altKey) return;
              if (e.key === 'ArrowUp') {
                e.preventDefault();
                void moveTo(item, index - 1);
              }
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                void moveTo(item, index + 1);
              }
            }}
          >
            <ReOrderDotsVertical20Regular className={styles.handle} aria-hidden />
            <Text weight="semibold">{item.number}</Text>
            <Text className={styles.time}>
              {item.start}–{item.end}
              {item.fixedStart ? ' (fixed)' : ''}
            </Text>
            <div>
              <Text weight="semibold" block>
                {item.title}
              </Text>
              <Text size={200} className={styles.muted}>
                {PURPOSE_LABEL[item.purpose]}
                {item.presenters ? ` · ${item.presenters}` : ''}
                {item.part2 ? ` · Part 2, paragraph ${item.part2.paragraph}${item.part2.publicTitle ? `; in public “${item.part2.publicTitle}”` : ''}` : ''}
              </Text>{' '}
              {item.paper && <PaperBadge paper={item.paper} deadline={view.paperDeadline} />}
            </div>
            {!frozen && (
            <div className={styles.tools}>
              <Button size="small" appearance="subtle" icon={<ArrowUp16Regular />} disabled={index === 0} onClick={() => moveTo(item, index - 1)} aria-label={`Move item ${item.number} up`} />
              <Button size="small" appearance="subtle" icon={<ArrowDown16Regular />} disabled={index === items.length - 1} onClick={() => moveTo(item, index + 1)} aria-label={`Move item ${item.number} down`} />
              <Button size="small" appearance="subtle" icon={<Edit16Regular />} onClick={() => setEditing(item)} aria-label={`Edit item ${item.number}`} />
              <Button size="small" appearance="subtle" icon={<Delete16Regular />} onClick={() => setRemoving(item)} aria-label={`Remove item ${item.number}`} />
              {!item.standing && (
                <Menu>
                  <MenuTrigger disableButtonEnhancement>
                    <Button size="small" appearance="subtle" icon={<MoreHorizontal16Regular />} aria-label={`Paper, cover sheet and Part 2 of item ${item.number}`} />
                  </MenuTrigger>
                  <MenuPopover>
                    <MenuList>
                      <MenuItem onClick={() => setDialog({ kind: 'paper', item })}>Paper…</MenuItem>
                      <MenuItem onClick={() => setDialog({ kind: 'cover', item })}>Cover sheet…</MenuItem>
                      <MenuItem onClick={() => setDialog({ kind: 'part2', item })}>Part 2…</MenuItem>
                    </MenuList>
                  </MenuPopover>
                </Menu>
              )}
            </div>
            )}
          </li>
        ))}
      </ol>
      {!frozen && (
      <div className={styles.bar}>
        <Button onClick={() => setEditing('new')}>Add an item…</Button>
        <Button appearance="subtle" disabled={!board} onClick={() => setDialog({ kind: 'standing' })}>
          Standing items of the board…
        </Button>
        <Text className={styles.muted}>
          Papers are due by {formatUkDate(view.paperDeadline)}. Reorder by dragging the handle, or focus a row and press Alt+↑ or Alt+↓.
        </Text>
      </div>
      )}
      {editing && (
        <AgendaItemDialog
          view={view}
          item={editing === 'new' ? null : editing}
          onClose={(summary) => {
            setEditing(null);
            if (summary) setNotice(summary);
          }}
        />
      )}
      {dialog?.kind === 'paper' && <PaperDialog item={dialog.item} onClose={closeDialog} />}
      {dialog?.kind === 'cover' && <CoverSheetDialog line={dialog.item} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'part2' && <PartTwoDialog line={dialog.item} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'standing' && board && <StandingItemsDialog board={board} onClose={closeDialog} />}
      {removing && (
        <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && setRemoving(null)}>
          <DialogSurface>
            <ReturnFocus />
            <DialogBody>
              <DialogTitle>Take item {removing.number} off the agenda?</DialogTitle>
              <DialogContent>
                “{removing.title}”{removing.paper?.bodyCharacters ? ' and the paper received for it' : ''} will be removed. A forward plan item it came from goes back to planned.
              </DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={async () => {
                    const item = removing;
                    setRemoving(null);
                    await act(() => bridge().agenda.remove({ agendaItemId: item.id }));
                  }}
                >
                  Remove
                </Button>
                <Button onClick={() => setRemoving(null)}>Keep it</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
};
