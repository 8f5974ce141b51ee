import { useState } from 'react';
import { Tab, TabList, Title1 } from '@fluentui/react-components';
import { AttendanceReport } from './AttendanceReport';
import { InterestsRegister } from './InterestsRegister';
import { YearlyReport } from './YearlyReport';

/**
 * The evidence inspectors and scrutineers ask for every year (docs/ARCHITECTURE.md, reports and
 * registers): attendance and representation, the register of interests, and the yearly report.
 */
const TABS = [
  { value: 'attendance', label: 'Attendance' },
  { value: 'interests', label: 'Register of interests' },
  { value: 'yearly', label: 'Yearly report' },
] as const;
type ReportTab = (typeof TABS)[number]['value'];

export const ReportsScreen = () => {
  const [tab, setTab] = useState<ReportTab>('attendance');
  return (
    <div>
      <Title1 as="h1">Reports and registers</Title1>
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as ReportTab)} aria-label="Reports and registers">
        {TABS.map((t) => (
          <Tab key={t.value} value={t.value}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {tab === 'attendance' && <AttendanceReport />}
      {tab === 'interests' && <InterestsRegister />}
      {tab === 'yearly' && <YearlyReport />}
    </div>
  );
};
