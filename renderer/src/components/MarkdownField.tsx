import { useRef } from 'react';
import { Textarea, Toolbar, ToolbarButton, makeStyles, tokens } from '@fluentui/react-components';
import { TextBold20Regular, TextBulletList20Regular, TextItalic20Regular, TextNumberListLtr20Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  area: { border: 'none', '& textarea': { minHeight: '96px' } },
});

type Edit = { text: string; start: number; end: number };

/** Wraps the selection ("**text**") or prefixes each selected line ("- ", "1. "), as Word's buttons would. */
export const applyFormat = (value: string, start: number, end: number, kind: 'bold' | 'italic' | 'bullets' | 'numbers'): Edit => {
  if (kind === 'bold' || kind === 'italic') {
    const mark = kind === 'bold' ? '**' : '*';
    const selected = value.slice(start, end) || (kind === 'bold' ? 'bold text' : 'italic text');
    const text = value.slice(0, start) + mark + selected + mark + value.slice(end);
    return { text, start: start + mark.length, end: start + mark.length + selected.length };
  }
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const lines = value.slice(lineStart, end).split('\n');
  const prefixed = lines.map((l, i) => (kind === 'bullets' ? `- ${l.replace(/^(- |\d+\. )/, '')}` : `${i + 1}. ${l.replace(/^(- |\d+\. )/, '')}`)).join('\n');
  const text = value.slice(0, lineStart) + prefixed + value.slice(end);
  return { text, start: lineStart, end: lineStart + prefixed.length };
};

/**
 * Minutes as officers type them, with bold, italic and lists from a toolbar (or Ctrl+B / Ctrl+I),
 * stored as Markdown so the Word export and the pack lay them out properly.
 */
export const MarkdownField = ({ value, onChange, label, id }: { value: string; onChange: (v: string) => void; label: string; id?: string }) => {
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

