import { useState } from 'react';
import { Field, Input, Radio, RadioGroup, Textarea, makeStyles } from '@fluentui/react-components';
import { FormDialog } from './FormDialog';
import { MarkdownField } from './MarkdownField';
import type { ItemRef } from './itemRef';
import type { QuorumError } from '@shared/result';
import { bridge } from '../bridge';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '12px 16px' },
  wide: { gridColumn: '1 / -1' },
});

type Cover = NonNullable<ItemRef['paper']>['coverSheet'];
const IMPLICATIONS = [
  ['finance', 'Financial implications'],
  ['legal', 'Legal implications'],
  ['equalities', 'Equalities implications'],
  ['risk', 'Risks'],
  ['voiceOfChild', 'The voice of the child (how children’s views shaped the paper)'],
] as const;

/** The paper's cover sheet, as the pack prints it before the paper. Saved with the item's revision, so a newer edit is never overwritten. */
export const CoverSheetDialog = ({ line, onClose }: { line: ItemRef; onClose: (saved: boolean) => void }) => {
  const styles = useStyles();
  const start: Cover = line.paper?.coverSheet ?? { reportOf: '', author: '', authorContact: '', executiveSummary: '', recommendations: [], implications: { finance: '', legal: '', equalities: '', risk: '' }, backgroundPapers: '', classification: 'public' };
  const [cover, setCover] = useState(start);
  const [recommendations, setRecommendations] = useState(start.recommendations.join('\n'));
  const [error, setError] = useState<QuorumError | null>(null);
  const [saving, setSaving] = useState(false);
  const text = (key: 'reportOf' | 'author' | 'authorContact' | 'executiveSummary' | 'backgroundPapers') => ({
    value: cover[key],
    onChange: (_e: unknown, d: { value: string }) => setCover((c) => ({ ...c, [key]: d.value })),
  });
  const save = async () => {
    setSaving(true);
    const coverSheet = { ...cover, recommendations: recommendations.split('\n').map((r) => r.trim()).filter(Boolean) };
    const r = await bridge().paper.updateCoverSheet({ agendaItemId: line.id, coverSheet, expectedRev: line.rev });
    setSaving(false);
    if (r.ok) onClose(true);
    else setError(r.error);
  };
  return (
    <FormDialog title={`Cover sheet: item ${line.number}, ${line.title}`} errorTitle="The cover sheet was not saved" error={error} saveLabel="Save cover sheet" onSave={save} onClose={() => onClose(false)} saveDisabled={saving} maxWidth="760px">
      <div className={styles.grid}>
        <Field label="Report of">
          <Input {...text('reportOf')} placeholder="e.g. Director of Children’s Services" />
        </Field>
        <Field label="Author">
          <Input {...text('author')} />
        </Field>
        <Field label="Author’s contact" className={styles.wide}>
          <Input {...text('authorContact')} placeholder="Email or phone" />
        </Field>
        <Field label="Executive summary" required className={styles.wide} validationMessage={error?.fields?.['coverSheet.executiveSummary']}>
          <MarkdownField label="Executive summary" value={cover.executiveSummary} onChange={(v) => setCover((c) => ({ ...c, executiveSummary: v }))} />
        </Field>
        <Field label="Recommendations (one per line)" className={styles.wide} hint={line.purpose === 'decision' ? 'A decision item needs at least one.' : undefined}>
          <Textarea value={recommendations} onChange={(_e, d) => setRecommendations(d.value)} rows={3} resize="vertical" />
        </Field>
        {IMPLICATIONS.map(([key, label]) => (
          <Field key={key} label={label}>
            <Textarea value={cover.implications[key] ?? ''} onChange={(_e, d) => setCover((c) => ({ ...c, implications: { ...c.implications, [key]: d.value } }))} rows={2} resize="vertical" />
          </Field>
        ))}
        <Field label="Background papers" className={styles.wide}>
          <Input {...text('backgroundPapers')} />
        </Field>
        <Field label="Classification" className={styles.wide} hint="An exempt paper must be taken in Part 2 with a Schedule 12A paragraph.">
          <RadioGroup layout="horizontal" value={cover.classification} onChange={(_e, d) => setCover((c) => ({ ...c, classification: d.value as Cover['classification'] }))}>
            <Radio value="public" label="Public" />
            <Radio value="exempt" label="Exempt (not for publication)" />
          </RadioGroup>
        </Field>
      </div>
    </FormDialog>
  );
};
