import type { ReactNode } from 'react';
import { Text } from '@fluentui/react-components';

/** A part of a screen under its own heading (a landmark named by that heading). */
export const Part = ({ id, title, children, size = 600 }: { id: string; title: string; children: ReactNode; size?: 500 | 600 }) => (
  <section aria-labelledby={id} style={{ marginTop: '28px' }}>
    <Text as="h2" id={id} size={size} weight="semibold" block>
      {title}
    </Text>
    {children}
  </section>
);
