import type { ReactNode } from 'react';
import { Spinner, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { ErrorBar } from '../../components/ErrorBar';

/**
 * The frame of a partner reviewer's own screens in team mode (written resolutions, papers to
 * clear): what they are asked, answered here once in their own name. Without a sign-in linked to
 * their name in the directory nothing can be sent to them, and the screen says so.
 */
export const useOwnStyles = makeStyles({
  list: { display: 'grid', gap: '16px', marginTop: '16px', maxWidth: '900px' },
  muted: { color: tokens.colorNeutralForeground3 },
  answer: { display: 'flex', gap: '8px', marginTop: '12px', flexWrap: 'wrap', alignItems: 'end' },
});

type Listed<T> = { status: 'loading' } | { status: 'error'; error: QuorumError } | { status: 'ready'; value: T[] };

export const OwnAnswers = <T,>({
  title,
  about,
  personId,
  unlinked,
  failed,
  error,
  notice,
  list,
  loading,
  none,
  children,
}: {
  title: string;
  about: string;
  personId?: string;
  /** What cannot be sent to them while their sign-in is not linked. */
  unlinked: string;
  failed: string;
  error: QuorumError | null;
  notice: string | null;
  list: Listed<T>;
  loading: string;
  none: string;
  children: (value: T[]) => ReactNode;
}) => {
  const styles = useOwnStyles();
  const heading = (
    <Title1 as="h1" block>
      {title}
    </Title1>
  );
  if (!personId)
    return (
      <>
        {heading}
        <Text block>Your sign-in is not linked to your name in the partnership’s directory, so {unlinked}. Ask the secretariat to link it.</Text>
      </>
    );
  return (
    <>
      {heading}
      <Text block className={styles.muted}>
        {about}
      </Text>
      <ErrorBar title={failed} error={error} />
      {notice && (
        <Text role="status" block>
          {notice}
        </Text>
      )}
      {list.status === 'loading' && <Spinner label={loading} />}
      {list.status === 'error' && <ErrorBar title={`${title} could not be loaded`} error={list.error} />}
      {list.status === 'ready' && (
        <div className={styles.list}>
          {list.value.length === 0 && <Text>{none}</Text>}
          {children(list.value)}
        </div>
      )}
    </>
  );
};
