import { createContext, useContext, type ReactNode } from 'react';
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Destination } from '../navigation';

/** Where a screen can send the officer: given by the shell, so a hint can link to the screen it names. */
export const NavigateContext = createContext<(to: Destination) => void>(() => {});

const useStyles = makeStyles({ hint: { color: tokens.colorNeutralForeground2 } });

/**
 * What to do before a disabled button or an empty list can be used, and a link to where it is
 * done: "Add a board first, on People and boards."
 */
export const FirstDo = ({ children, to, link }: { children: ReactNode; to: Destination; link: string }) => {
  const navigate = useContext(NavigateContext);
  const styles = useStyles();
  return (
    <Text className={styles.hint}>
      {children}{' '}
      <Link as="button" onClick={() => navigate(to)}>
        {link}
      </Link>
    </Text>
  );
};

/** The commonest: nothing works without a board. */
export const AddABoardFirst = ({ what }: { what: string }) => (
  <FirstDo to={{ area: 'people', tab: 'boards' }} link="Add a board">
    {what} needs a board first.
  </FirstDo>
);
