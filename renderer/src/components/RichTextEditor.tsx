import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Markdown } from '@tiptap/markdown';
import { Toolbar, ToolbarButton, makeStyles, tokens } from '@fluentui/react-components';
import { TextBold20Regular, TextBulletList20Regular, TextHeader220Regular, TextItalic20Regular, TextNumberListLtr20Regular, TextQuote20Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  box: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  content: {
    padding: '8px 12px',
    minHeight: '120px',
    '& .ProseMirror': { outline: 'none', minHeight: '110px' },
    '& .ProseMirror:focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '4px' },
    '& p': { margin: '0 0 8px' },
  },
});

/** Links the pack can carry; anything else is refused as it is typed or pasted (Electron never navigates). */
const SAFE_PROTOCOLS = ['http', 'https', 'mailto'];

/**
 * The formatted editor (Tiptap): what the officer sees is what the pack prints, stored as Markdown
 * through @tiptap/markdown. Loaded only when a form needs it, so the first screen stays small.
 */
const RichTextEditor = ({ value, onChange, label, id }: { value: string; onChange: (markdown: string) => void; label: string; id?: string }) => {
  const styles = useStyles();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ link: { openOnClick: false, autolink: true, protocols: SAFE_PROTOCOLS, isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url) }, underline: false }),
      Markdown,
    ],
    content: value,
    contentType: 'markdown',
    editorProps: { attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', ...(id ? { id } : {}) } },
    onUpdate: ({ editor: e }) => onChange(e.getMarkdown()),
  });
  // A value changed from outside (a reload after save) replaces the content without an update event.
  useEffect(() => {
    if (editor && value !== editor.getMarkdown()) editor.commands.setContent(value, { contentType: 'markdown', emitUpdate: false });
  }, [editor, value]);
  return (
    <div className={styles.box}>
      <Toolbar aria-label={`Formatting for ${label}`} size="small">
        <ToolbarButton aria-label="Bold" icon={<TextBold20Regular />} onClick={() => editor?.chain().focus().toggleBold().run()} />
        <ToolbarButton aria-label="Italic" icon={<TextItalic20Regular />} onClick={() => editor?.chain().focus().toggleItalic().run()} />
        <ToolbarButton aria-label="Heading" icon={<TextHeader220Regular />} onClick={() => editor?.chain().focus().toggleHeading({ level: 2 }).run()} />
        <ToolbarButton aria-label="Bulleted list" icon={<TextBulletList20Regular />} onClick={() => editor?.chain().focus().toggleBulletList().run()} />
        <ToolbarButton aria-label="Numbered list" icon={<TextNumberListLtr20Regular />} onClick={() => editor?.chain().focus().toggleOrderedList().run()} />
        <ToolbarButton aria-label="Quote" icon={<TextQuote20Regular />} onClick={() => editor?.chain().focus().toggleBlockquote().run()} />
      </Toolbar>
      <EditorContent editor={editor} className={styles.content} />
    </div>
  );
};

export default RichTextEditor;
