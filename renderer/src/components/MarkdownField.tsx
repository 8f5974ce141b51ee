import { Suspense, useMemo, useRef, useState } from 'react';
import { Spinner, Switch, Text, Textarea, Toolbar, ToolbarButton, makeStyles, tokens } from '@fluentui/react-components';
import { applyFormat, markdownOnlyFeatures } from './richText';
import { lazyScreen } from './ErrorBoundary';
import { TextBold20Regular, TextBulletList20Regular, TextItalic20Regular, TextNumberListLtr20Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  area: { border: 'none', '& textarea': { minHeight: '96px' } },
  mode: { display: 'flex', gap: '12px', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  field: { display: 'flex', flexDirection: 'column', gap: '4px' },
});

const RichTextEditor = lazyScreen(() => import('./RichTextEditor').then((m) => m.default));

/** The Markdown source with a small toolbar, for text the formatted editor cannot hold (tables, pictures). */
const MarkdownSource = ({ value, onChange, label, id }: { value: string; onChange: (v: string) => void; label: string; id?: string }) => {
  const styles = useStyles();
  const ref = useRef<HTMLTextAreaElement>(null);
  const format = (kind: 'bold' | 'italic' | 'bullets' | 'numbers') => {
    const el = ref.current;
    if (!el) return;
    const edit = applyFormat(value, el.selectionStart, el.selectionEnd, kind);
    onChange(edit.text);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(edit.start, edit.end);
    });
  };
  return (
    <div className={styles.box}>
      <Toolbar aria-label={`Formatting for ${label}`} size="small">
        <ToolbarButton aria-label="Bold" icon={<TextBold20Regular />} onClick={() => format('bold')} />
        <ToolbarButton aria-label="Italic" icon={<TextItalic20Regular />} onClick={() => format('italic')} />
        <ToolbarButton aria-label="Bulleted list" icon={<TextBulletList20Regular />} onClick={() => format('bullets')} />
        <ToolbarButton aria-label="Numbered list" icon={<TextNumberListLtr20Regular />} onClick={() => format('numbers')} />
      </Toolbar>
      <Textarea
        id={id}
        ref={ref}
        aria-label={label}
        className={styles.area}
        value={value}
        resize="vertical"
        onChange={(_e, d) => onChange(d.value.slice(0, 2_000_000))}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && (e.key === 'b' || e.key === 'i')) {
            e.preventDefault();
            format(e.key === 'b' ? 'bold' : 'italic');
          }
        }}
      />
    </div>
  );
};


/**
 * Rich text for the secretariat: a formatted editor (Tiptap) that reads and writes Markdown, so the
 * pack and the Word exports lay it out properly. Text with tables, pictures or raw HTML, which the
 * formatted editor would drop, opens as Markdown instead, and says why; nothing is lost either way.
 */
export const MarkdownField = ({ value, onChange, label, id }: { value: string; onChange: (v: string) => void; label: string; id?: string }) => {
  const styles = useStyles();
  const blocked = useMemo(() => markdownOnlyFeatures(value), [value]);
  const [chosenMarkdown, setAsMarkdown] = useState(false);
  // Follows the text whenever it changes (an import, a replace, a restore), not only at mount: a
  // table arriving in the text must never sit in an editor that cannot show it, and be lost on save.
  const asMarkdown = chosenMarkdown || blocked.length > 0;
  return (
    <div className={styles.field}>
      <div className={styles.mode}>
        <Switch
          checked={asMarkdown}
          disabled={asMarkdown && blocked.length > 0}
          onChange={(_e, d) => setAsMarkdown(d.checked)}
          label="Edit as Markdown"
        />
        {blocked.length > 0 && (
          <Text size={200} className={styles.muted}>
            This text has {blocked.join(', ')}; it is edited as Markdown so that nothing is lost.
          </Text>
        )}
      </div>
      {asMarkdown ? (
        <MarkdownSource value={value} onChange={onChange} label={label} id={id} />
      ) : (
        <Suspense fallback={<Spinner size="tiny" label="Loading the editor…" />}>
          <RichTextEditor value={value} onChange={onChange} label={label} id={id} />
        </Suspense>
      )}
    </div>
  );
};
