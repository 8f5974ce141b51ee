import { useState } from 'react';
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, ArrowDown16Regular, ArrowUp16Regular, Delete16Regular } from '@fluentui/react-icons';
import type { VersionView } from '@shared/rules/protocolView';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { FormDialog } from '../../components/FormDialog';
import { MarkdownField } from '../../components/MarkdownField';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { display: 'grid', gridTemplateColumns: '90px 1fr auto', gap: '8px', alignItems: 'end' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Section = VersionView['sections'][number];

/** A key no other section has: comments attach to it, so it never changes once given. */
const freshKey = (sections: readonly Section[]) => {
  let n = sections.length + 1;
  while (sections.some((s) => s.key === `s${n}`)) n++;
  return `s${n}`;
};

/**
 * The protocol's sections: number, heading and text. A draft is saved in place; a version already
 * out for consultation or agreed is kept, and saving starts the next version with a change summary.
 */
export const SectionsEditor = ({ protocolId, version, onClose }: { protocolId: string; version: VersionView; onClose: (summary: string | null) => void }) => {
  const styles = useStyles();
  const [sections, setSections] = useState<Section[]>(version.sections);
  const [summary, setSummary] = useState(version.status === 'draft' ? version.changeSummary : '');
  const [error, setError] = useState<QuorumError | null>(null);
  const newVersion = version.status !== 'draft';
  const update = (i: number, patch: Partial<Section>) => setSections((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, by: number) =>
    setSections((xs) => {
      const next = [...xs];
      const [x] = next.splice(i, 1);
      next.splice(i + by, 0, x);
      return next;
    });
  const save = async () => {
    const r = await bridge().protocols.saveDraft({ protocolId, sections, changeSummary: summary, ...(newVersion ? {} : { expectedRev: version.rev }) });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog
      title={newVersion ? `New version from version ${version.version}` : `Draft version ${version.version}`}
      errorTitle="The protocol was not saved"
      error={error}
      saveLabel={newVersion ? `Save as version ${version.version + 1}` : 'Save draft'}
      onSave={save}
      onClose={() => onClose(null)}
      maxWidth="980px"
    >
      {newVersion && <Text className={styles.muted}>Version {version.version} is {version.status}, so it stays as it is. Your changes become version {version.version + 1}, a draft, with the summary below.</Text>}
      <Field label="What changed in this version" required={newVersion} validationMessage={error?.fields?.changeSummary}>
        <Input value={summary} onChange={(_e, d) => setSummary(d.value)} placeholder="e.g. Section 3 names the Integrated Care Board, as partners asked" />
      </Field>
      {sections.map((s, i) => (
        <div key={s.key} className={styles.section} role="group" aria-label={`Section ${s.number}`}>
          <div className={styles.head}>
            <Field label="Number">
              <Input value={s.number} onChange={(_e, d) => update(i, { number: d.value })} />
            </Field>
            <Field label="Heading">
              <Input value={s.heading} onChange={(_e, d) => update(i, { heading: d.value })} />
            </Field>
            <div>
              <Button appearance="subtle" icon={<ArrowUp16Regular />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move section ${s.number} up`} />
              <Button appearance="subtle" icon={<ArrowDown16Regular />} disabled={i === sections.length - 1} onClick={() => move(i, 1)} aria-label={`Move section ${s.number} down`} />
              <Button appearance="subtle" icon={<Delete16Regular />} disabled={sections.length === 1} onClick={() => setSections((xs) => xs.filter((_x, j) => j !== i))} aria-label={`Remove section ${s.number}`} />
            </div>
          </div>
          <MarkdownField label={`Text of section ${s.number}`} value={s.body} onChange={(body) => update(i, { body })} />
        </div>
      ))}
      <div>
        <Button icon={<Add16Regular />} onClick={() => setSections((xs) => [...xs, { key: freshKey(xs), number: String(xs.length + 1), heading: 'New section', body: '' }])}>
          Add a section
        </Button>
      </div>
    </FormDialog>
  );
};
