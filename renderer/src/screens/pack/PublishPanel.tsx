import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TaskProgress, useTaskProgress } from '../../components/TaskProgress';
import { GlobeArrowUp20Regular } from '@fluentui/react-icons';
import type { SitePublishOutcome } from '@shared/views';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '720px' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: '4px 0 0', paddingLeft: '20px', maxHeight: '200px', overflowY: 'auto' },
});

type Published = Extract<SitePublishOutcome, { published: true }>;

/**
 * Publish → the folder dialog → progress → what was written and removed. The folder holds the
 * public website (static pages, the PDF packs beside them) to copy to the web server or SharePoint.
 */
export const PublishPanel = () => {
  const styles = useStyles();
  const { progress, busy, track } = useTaskProgress('publish');
  const [result, setResult] = useState<Published | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);

  const publish = async () => {
    setResult(null);
    setNotice(null);
    setError(null);
    const r = await track('Waiting for you to choose the folder…', (taskId) => bridge().pack.publish({ taskId }));
    if (!r.ok) setError(r.error);
    else if (!r.value.published) setNotice(r.value.reason);
    else setResult(r.value);
  };

  return (
    <div className={styles.panel}>
      <Text className={styles.muted}>
        The public website as a folder of pages: each board’s meetings, agendas, public papers, approved minutes, decisions, action logs and forward plan, with each meeting’s public PDF pack. Nothing in Part 2 is published. Publishing again writes only what changed.
      </Text>
      <div>
        <Button icon={<GlobeArrowUp20Regular />} disabled={busy} onClick={publish}>
          Publish the website…
        </Button>
      </div>
      <TaskProgress what="Publishing" progress={progress} />
      <ErrorBar title="The website was not published" error={error} />
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Website published</MessageBarTitle>
            {result.folder}: {result.written.length} file{result.written.length === 1 ? '' : 's'} written, {result.unchanged} unchanged, {result.removed.length} removed.
            {(result.written.length > 0 || result.removed.length > 0) && (
              <ul className={styles.list} aria-label="Files written and removed" tabIndex={0}>
                {result.written.map((f) => (
                  <li key={`w-${f}`}>Written: {f}</li>
                ))}
                {result.removed.map((f) => (
                  <li key={`r-${f}`}>Removed: {f}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
};
