import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle20Filled, Warning20Filled } from '@fluentui/react-icons';
import type { AgendaLine } from '@shared/views';
import type { PreflightProblem, PreflightReport } from '@shared/pack/preflight';
import { formatUkDate } from '../../format';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  problem: { display: 'grid', gridTemplateColumns: '24px 1fr auto', gap: '8px', alignItems: 'start', padding: '8px 12px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  where: { color: tokens.colorNeutralForeground3 },
  counts: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

export type FixTarget = { kind: 'agenda-item'; id: string } | { kind: 'settings' } | { kind: 'tor' } | { kind: 'planner' } | { kind: 'meeting'; id: string; tab: 'agenda' | 'minutes' };

/** Where a problem is put right: a row of this screen's agenda, Settings, or (not yet a screen) a plain description. */
const fixFor = (p: PreflightProblem, agenda: readonly AgendaLine[]): { label: string; target?: FixTarget } => {
  switch (p.fix.area) {
    case 'paper':
    case 'agenda-item': {
      const line = agenda.find((l) => l.id === p.fix.id);
      return line ? { label: `Go to item ${line.number}`, target: { kind: 'agenda-item', id: line.id } } : { label: 'Item no longer on this agenda' };
    }
    case 'partnership':
      return { label: 'Open Settings', target: { kind: 'settings' } };
    case 'meeting':
      if (p.code === 'no-terms-of-reference') return { label: 'Open the terms of reference', target: { kind: 'tor' } };
      return p.code === 'agenda-empty' || p.code === 'paper-overdue' ? { label: 'Open the agenda', target: { kind: 'meeting', id: p.fix.id, tab: 'agenda' } } : { label: 'Open those minutes', target: { kind: 'meeting', id: p.fix.id, tab: 'minutes' } };
    case 'deep-dive':
      return { label: 'Open the deep-dive planner', target: { kind: 'planner' } };
  }
};

export const PreflightList = ({ report, agenda, onFix }: { report: PreflightReport; agenda: readonly AgendaLine[]; onFix: (t: FixTarget) => void }) => {
  const styles = useStyles();
  return (
    <>
      <div className={styles.counts} data-testid="preflight-counts">
        <Badge appearance="filled" color={report.errors ? 'danger' : 'success'}>
          {report.errors} error{report.errors === 1 ? '' : 's'}
        </Badge>
        <Badge appearance="tint" color={report.warnings ? 'warning' : 'informative'}>
          {report.warnings} warning{report.warnings === 1 ? '' : 's'}
        </Badge>
        <Text className={styles.where}>Paper deadline {formatUkDate(report.paperDeadline)}</Text>
        <Text className={styles.where} data-testid="reading-load">
          Reading for each member: {report.reading.words.toLocaleString('en-GB')} words, about {report.reading.pages} page{report.reading.pages === 1 ? '' : 's'}, {report.reading.minutes < 60 ? `${report.reading.minutes} minute${report.reading.minutes === 1 ? '' : 's'}` : `${Math.floor(report.reading.minutes / 60)} h ${report.reading.minutes % 60} min`} at 200 words a minute
        </Text>
      </div>
      {report.problems.length === 0 ? (
        <Text>Nothing to fix: every paper is in, every cover sheet complete and the content accessible.</Text>
      ) : (
        <ul className={styles.list} aria-label="Pre-flight problems">
          {report.problems.map((p, i) => {
            const fix = fixFor(p, agenda);
            return (
              <li key={`${p.code}-${p.fix.id}-${i}`} className={styles.problem}>
                {p.severity === 'error' ? <ErrorCircle20Filled className={styles.error} aria-label="Error" /> : <Warning20Filled className={styles.warning} aria-label="Warning" />}
                <Text>{p.message}</Text>
                {fix.target ? (
                  <Button size="small" appearance="subtle" onClick={() => onFix(fix.target!)}>
                    {fix.label}
                  </Button>
                ) : (
                  <Text size={200} className={styles.where}>
                    {fix.label}
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
};
