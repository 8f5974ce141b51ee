import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss24Regular, Search24Regular } from '@fluentui/react-icons';
import type { SearchResult } from '@shared/views';
import { SEARCH_KINDS, SEARCH_KIND_LABEL, type SearchKind } from '@shared/search/documents';
import { bridge, useQuery } from '../../bridge';
import { TaskProgress, type TaskStep } from '../TaskProgress';
import { ErrorBar } from '../ErrorBar';
import { formatUkDate } from '../../format';
import type { Destination } from '../../navigation';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '92vw' },
  filters: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'end', marginTop: '8px' },
  results: { marginTop: '12px', maxHeight: '56vh', overflowY: 'auto' },
  group: { marginTop: '12px' },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  result: { display: 'block', width: '100%', textAlign: 'left', padding: '8px', borderRadius: tokens.borderRadiusMedium, border: 'none', backgroundColor: 'transparent', cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  meta: { color: tokens.colorNeutralForeground3 },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit', fontWeight: tokens.fontWeightSemibold },
  pages: { display: 'flex', gap: '8px', alignItems: 'center', marginTop: '12px' },
});

/** Where a result opens, in the app: the record's own screen, at the meeting and tab that hold it. */
export const destinationOf = (r: SearchResult): Destination => {
  switch (r.kind) {
    case 'paper':
      return { area: 'meetings', ...(r.meetingId ? { meetingId: r.meetingId } : {}), tab: 'agenda' };
    case 'minutes':
    case 'resolution':
      return { area: 'meetings', ...(r.meetingId ? { meetingId: r.meetingId } : {}), tab: 'minutes' };
    case 'action':
      return { area: 'actions' };
    case 'decision':
      return { area: 'clocks' };
    case 'tor':
      return { area: 'tor' };
    case 'protocol':
    case 'comment':
      return { area: 'protocols' };
    case 'deepDive':
      return { area: 'planner' };
    case 'plan':
      return { area: 'forward' };
    case 'person':
      return { area: 'people', tab: 'people' };
    case 'organisation':
      return { area: 'people', tab: 'organisations' };
  }
};

const typedPause = 150;

/**
 * One search box over everything the partnership has written (Ctrl+K / ⌘K, and the header's
 * Search button): results grouped by kind, each with its board, meeting date and the words that
 * matched, filters for board, kind, years and Part 1 / Part 2, and pages with no cap. Answered in
 * the main process (search:query), never showing Part 2 to someone not cleared for it.
 */
export const SearchDialog = ({ onClose, onOpen }: { onClose: () => void; onOpen: (to: Destination) => void }) => {
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  const [boardId, setBoardId] = useState('');
  const [kind, setKind] = useState<SearchKind | ''>('');
  const [fromYear, setFromYear] = useState('');
  const [toYear, setToYear] = useState('');
  const [part, setPart] = useState<'any' | '1' | '2'>('any');
  // Back to the first page whenever what is asked changes.
  const asked = JSON.stringify([text, boardId, kind, fromYear, toYear, part]);
  const [paging, setPaging] = useState({ asked, page: 1 });
  const page = paging.asked === asked ? paging.page : 1;
  const setPage = (n: number) => setPaging({ asked, page: n });
  useEffect(() => {
    const t = setTimeout(() => setText(typed.trim()), typedPause);
    return () => clearTimeout(t);
  }, [typed]);
  const boards = useQuery('boards:list', {});
  // The first search of a partnership builds its index: main reports how far it has got.
  const [building, setBuilding] = useState<TaskStep | null>(null);
  useEffect(
    () =>
      bridge().on('task:progress', (p) => {
        if (p.taskId === 'search-index') setBuilding(p.done < p.total ? { label: `${p.done} of ${p.total} records`, done: p.done, total: p.total } : null);
      }),
    [],
  );
  const year = (y: string) => (/^\d{4}$/.test(y) ? y : '');
  const input = useMemo(
    () =>
      text
        ? {
            text,
            ...(boardId ? { boardId: boardId as never } : {}),
            ...(kind ? { kinds: [kind] } : {}),
            ...(year(fromYear) ? { since: `${fromYear}-01-01` } : {}),
            ...(year(toYear) ? { until: `${toYear}-12-31` } : {}),
            part,
            page,
            pageSize: 20,
          }
        : null,
    [text, boardId, kind, fromYear, toYear, part, page],
  );
  const answer = useQuery('search:query', input);
  const value = answer.state.status === 'ready' ? answer.state.value : null;
  const groups = useMemo(() => {
    const by = new Map<SearchKind, SearchResult[]>();
    for (const r of value?.results ?? []) by.set(r.kind, [...(by.get(r.kind) ?? []), r]);
    return [...by];
  }, [value]);
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle action={<Button appearance="subtle" aria-label="Close search" icon={<Dismiss24Regular />} onClick={onClose} />}>Search</DialogTitle>
          <DialogContent>
            <Input
              autoFocus
              contentBefore={<Search24Regular />}
              aria-label="Search everything"
              placeholder="Words, part of a word, a “quoted phrase”, a reference such as s.11 or 12A"
              value={typed}
              onChange={(_e, d) => setTyped(d.value)}
              style={{ width: '100%' }}
            />
            <div className={styles.filters} role="group" aria-label="Filters">
              <Field label="Board">
                <Select value={boardId} onChange={(_e, d) => setBoardId(d.value)}>
                  <option value="">Every board</option>
                  {(boards.state.status === 'ready' ? boards.state.value : []).map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Kind">
                <Select value={kind} onChange={(_e, d) => setKind(d.value as SearchKind | '')}>
                  <option value="">Every kind{value?.total ? ` (${Object.values(value.byKind).reduce((a, b) => a + (b ?? 0), 0)})` : ''}</option>
                  {SEARCH_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {SEARCH_KIND_LABEL[k]}
                      {value?.byKind[k] ? ` (${value.byKind[k]})` : ''}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="From year">
                <Input value={fromYear} onChange={(_e, d) => setFromYear(d.value)} inputMode="numeric" style={{ width: '90px' }} />
              </Field>
              <Field label="To year">
                <Input value={toYear} onChange={(_e, d) => setToYear(d.value)} inputMode="numeric" style={{ width: '90px' }} />
              </Field>
              <Field label="Part">
                <Select value={part} onChange={(_e, d) => setPart(d.value as 'any' | '1' | '2')}>
                  <option value="any">Part 1 and Part 2</option>
                  <option value="1">Part 1 (public)</option>
                  <option value="2">Part 2 (exempt)</option>
                </Select>
              </Field>
            </div>
            <section className={styles.results} aria-label="Search results">
              {answer.state.status === 'error' && <ErrorBar title="The search could not be run" error={answer.state.error} />}
              {input && answer.state.status === 'loading' && (building ? <TaskProgress what="Building the search index" progress={building} /> : <Spinner size="small" label="Searching…" />)}
              {value?.building && (
                <Text block role="status">
                  Building the search index: {value.building.done} of {value.building.total} records so far.
                </Text>
              )}
              {value && (
                <Text block role="status">
                  {value.total === 0 ? `Nothing found for “${text}”.` : `${value.total} result${value.total === 1 ? '' : 's'} for “${text}”${value.pages > 1 ? `, page ${value.page} of ${value.pages}` : ''}.`}
                </Text>
              )}
              {groups.map(([k, results]) => (
                <section key={k} className={styles.group} aria-label={SEARCH_KIND_LABEL[k]}>
                  <Text as="h2" weight="semibold" size={400} block>
                    {SEARCH_KIND_LABEL[k]}
                  </Text>
                  <ul className={styles.list}>
                    {results.map((r) => (
                      <li key={`${r.recordId}-${r.kind}`}>
                        <button type="button" className={styles.result} onClick={() => onOpen(destinationOf(r))} aria-label={`Open ${r.title}${r.date ? `, ${formatUkDate(r.date)}` : ''}`}>
                          <Text weight="semibold" block>
                            {r.title} {r.part === 2 && <Badge appearance="tint" color="danger">Part 2</Badge>}
                          </Text>
                          <Text size={200} className={styles.meta} block>
                            {[r.board, r.date ? formatUkDate(r.date) : null].filter(Boolean).join(' · ')}
                          </Text>
                          <Text size={300} block>
                            {r.snippet.map((s, i) => (s.hit ? <mark key={i} className={styles.mark}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
                          </Text>
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
              {value && value.pages > 1 && (
                <div className={styles.pages}>
                  <Button disabled={value.page <= 1} onClick={() => setPage(value.page - 1)}>
                    Previous page
                  </Button>
                  <Text>
                    Page {value.page} of {value.pages}
                  </Text>
                  <Button disabled={value.page >= value.pages} onClick={() => setPage(value.page + 1)}>
                    Next page
                  </Button>
                </div>
              )}
            </section>
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
