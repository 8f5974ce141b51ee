import type { ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeProblem, type RowProblem } from '@shared/imports/table';

const useStyles = makeStyles({
  list: { margin: '4px 0 8px', paddingLeft: '20px', maxHeight: '180px', overflowY: 'auto' },
  refused: { color: tokens.colorPaletteRedForeground1 },
});

/** One part of an import's preview ("Will be added (8)"), a list the officer can scan; hidden when empty. */
export const PreviewList = ({ title, items, refused }: { title: string; items: ReactNode[]; refused?: boolean }) => {
  const styles = useStyles();
  if (!items.length) return null;
  return (
    <section aria-label={title}>
      <Text weight="semibold" className={refused ? styles.refused : undefined}>
        {title} ({items.length})
      </Text>
      {/* A long list scrolls; it takes the focus so a keyboard can scroll it too. */}
      <ul className={styles.list} tabIndex={0}>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
};

/** The rows an import refuses, each naming its row and column as Excel shows them. */
export const RefusedRows = ({ refused, title = 'Cannot be imported' }: { refused: RowProblem[]; title?: string }) => <PreviewList title={title} refused items={refused.map(describeProblem)} />;
