import { Badge } from '@fluentui/react-components';
import type { AgendaItemView } from '@shared/rules/meetingView';
import { formatUkDate } from '../../format';

/** The paper's state in words and colour: requested, late, received (late), none needed. */
export const PaperBadge = ({ paper, deadline }: { paper: NonNullable<AgendaItemView['paper']>; deadline: string }) => {
  const from = paper.author ? ` from ${paper.author}` : '';
  switch (paper.state) {
    case 'not-needed':
      return null;
    case 'requested':
      return (
        <Badge appearance="tint" color="warning">
          Paper requested{from}, due {formatUkDate(deadline)}
        </Badge>
      );
    case 'late':
      return (
        <Badge appearance="filled" color="danger">
          Paper late{from}
        </Badge>
      );
    case 'received':
      return (
        <Badge appearance="tint" color="success">
          Paper received{paper.receivedOn ? ` ${formatUkDate(paper.receivedOn)}` : ''}
        </Badge>
      );
    case 'received-late':
      return (
        <Badge appearance="tint" color="important">
          Paper received late{paper.receivedOn ? `, ${formatUkDate(paper.receivedOn)}` : ''}
        </Badge>
      );
  }
};
