import { describe, expect, it } from 'vitest';
import { screenshot, seriousViolations, useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { listRecords } from '../../shared/data';

const e2e = useE2E();

describe('search', () => {
  it('finds a resolution from three years back by a partial word, narrows to one board, and opens its meeting at the minutes', async () => {
    const { page, host } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    // Three years back: a Children's Trust meeting that resolved on kinship care, and a Safeguarding Partnership one on the same theme.
    const run = (name: string, input: unknown) => host.session.store.run(name as never, input as never);
    const boards = listRecords(host.session.store.data, 'board');
    const board = (id: string) => boards.find((b) => b.id === id)!;
    for (const [boardId, text] of [
      ['board:childrens-trust', 'The Board agreed the kinship carers’ charter and asked for a report in a year.'],
      ['board:safeguarding', 'The Partnership noted the kinship care audit.'],
    ] as const) {
      await run('meetings:create', { boardId, date: '2023-11-14', startTime: '10:00', endTime: '12:00', venue: 'Civic Centre', confirmed: true });
      const meeting = listRecords(host.session.store.data, 'meeting').find((m) => m.boardId === boardId && m.date === '2023-11-14')!;
      await run('agenda:add', { meetingId: meeting.id, title: 'Kinship care', purpose: 'decision', durationMinutes: 20, presenterIds: [], paperRequested: false });
      const item = listRecords(host.session.store.data, 'agendaItem').find((i) => i.meetingId === meeting.id && i.title === 'Kinship care')!;
      await run('resolutions:add', { agendaItemId: item.id, text });
    }

    // Ctrl+K from the dashboard.
    await page.keyboard.press('Control+k');
    await q.search.box.fill('kinshi');
    await expect.poll(() => q.search.status.innerText()).toMatch(/^\d+ results? for “kinshi”/);
    await q.search.group('Resolutions').waitFor();
    expect(await q.search.group('Resolutions').getByRole('button').count()).toBe(2);
    expect(await q.search.marked.allInnerTexts()).toEqual(expect.arrayContaining(['kinship']));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'search.png');

    // One board.
    await q.search.board.selectOption({ label: board('board:childrens-trust').name });
    await expect.poll(() => q.search.group('Resolutions').getByRole('button').count()).toBe(1);
    await q.search.group('Resolutions').getByRole('button', { name: /^Open Kinship care, 14 November 2023/ }).click();

    // Opened in place: the meeting of 14 November 2023, at its minutes, with the resolution.
    await expect.poll(() => q.meetings.meetingHeading.first().innerText()).toBe(board('board:childrens-trust').name);
    await page.getByText(/Tuesday 14 November 2023/).first().waitFor();
    expect(await page.getByRole('tab', { name: 'Minutes', selected: true }).count()).toBe(1);
    await page.getByText('The Board agreed the kinship carers’ charter and asked for a report in a year.').first().waitFor();
  });
});
