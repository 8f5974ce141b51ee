import { makeStyles, tokens } from '@fluentui/react-components';
import type { PersonAttendance } from '@shared/views';

/**
 * Each member's meetings as one bar, in parts: present, by a substitute, apologies, absent,
 * not recorded. The chart is an image with its own words (role="img" and a label that says what
 * it shows); the table under it is its alternative, with every figure (WCAG 1.1.1). Colour is never
 * the only signal: each part is also patterned, the legend names them, and each part's tooltip
 * says what it is (WCAG 1.4.1).
 */
const PARTS = [
  { key: 'present', label: 'Present', colour: '#107C10', pattern: '' },
  { key: 'bySubstitute', label: 'By a substitute', colour: '#0F6CBD', pattern: 'diagonal' },
  { key: 'apologies', label: 'Apologies', colour: '#C19C00', pattern: 'dots' },
  { key: 'absent', label: 'Absent without apologies', colour: '#C50F1F', pattern: 'cross' },
  { key: 'notRecorded', label: 'Not recorded', colour: '#8A8886', pattern: 'horizontal' },
] as const;

const useStyles = makeStyles({
  legend: { display: 'flex', gap: '16px', flexWrap: 'wrap', margin: '4px 0 8px', padding: 0, listStyleType: 'none', fontSize: tokens.fontSizeBase200 },
  caption: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginTop: '4px' },
  swatch: { display: 'inline-block', width: '14px', height: '14px', marginRight: '6px', verticalAlign: 'middle', border: `1px solid ${tokens.colorNeutralStroke1}` },
});

const NAME_WIDTH = 220;
const BAR_WIDTH = 460;
const ROW = 26;

const Patterns = () => (
  <defs>
    {PARTS.filter((p) => p.pattern).map((p) => (
      <pattern key={p.key} id={`att-${p.key}`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={p.colour} />
        {p.pattern === 'diagonal' && <path d="M0,6 L6,0" stroke="#fff" strokeWidth="1.2" />}
        {p.pattern === 'dots' && <circle cx="3" cy="3" r="1.1" fill="#fff" />}
        {p.pattern === 'cross' && <path d="M0,0 L6,6 M6,0 L0,6" stroke="#fff" strokeWidth="1" />}
        {p.pattern === 'horizontal' && <path d="M0,3 L6,3" stroke="#fff" strokeWidth="1.2" />}
      </pattern>
    ))}
  </defs>
);

const fillOf = (p: (typeof PARTS)[number]) => (p.pattern ? `url(#att-${p.key})` : p.colour);

export const AttendanceChart = ({ people, tableId, caption }: { people: readonly PersonAttendance[]; tableId: string; caption: string }) => {
  const styles = useStyles();
  const most = Math.max(1, ...people.map((p) => p.expected));
  const height = people.length * ROW + 8;
  const summary = `${caption}. ${people.map((p) => `${p.name}: ${p.present + p.bySubstitute} of ${p.expected} attended`).join('; ')}. Every figure is in the table that follows.`;
  return (
    <figure style={{ margin: 0 }}>
      <ul className={styles.legend} aria-hidden="true">
        {PARTS.map((p) => (
          <li key={p.key}>
            <svg className={styles.swatch} width="14" height="14">
              <Patterns />
              <rect width="14" height="14" fill={fillOf(p)} />
            </svg>
            {p.label}
          </li>
        ))}
      </ul>
      <svg role="img" aria-label={summary} aria-describedby={tableId} width={NAME_WIDTH + BAR_WIDTH + 60} height={height} data-testid="attendance-chart">
        <Patterns />
        {people.map((person, row) => {
          let x = NAME_WIDTH;
          const y = row * ROW + 4;
          return (
            <g key={person.personId}>
              <text x={NAME_WIDTH - 8} y={y + 15} textAnchor="end" fontSize="12" fill={tokens.colorNeutralForeground1}>
                {person.name.length > 30 ? `${person.name.slice(0, 29)}…` : person.name}
              </text>
              {PARTS.map((p) => {
                const n = person[p.key];
                if (!n) return null;
                const w = (n / most) * BAR_WIDTH;
                const at = x;
                x += w;
                return (
                  <rect key={p.key} x={at} y={y} width={w} height={ROW - 8} fill={fillOf(p)} stroke="#fff" strokeWidth="1">
                    <title>{`${person.name}: ${p.label.toLowerCase()}, ${n}`}</title>
                  </rect>
                );
              })}
              <text x={x + 6} y={y + 15} fontSize="12" fill={tokens.colorNeutralForeground1}>
                {`${person.present + person.bySubstitute}/${person.expected}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.caption}>{caption}: the table below gives every figure.</figcaption>
    </figure>
  );
};
