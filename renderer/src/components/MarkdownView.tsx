import type { ReactNode } from 'react';
import { Lexer, type Token, type Tokens } from 'marked';
import { Link, makeStyles, tokens as theme } from '@fluentui/react-components';
import { decodeEntities } from '@shared/pack/markdown/text';
import { checkLinkHref } from '@shared/pack/markdown/links';
import { withoutRawText } from '@shared/pack/markdown/rawText';
import { bridge } from '../bridge';

const useStyles = makeStyles({
  root: { lineHeight: '1.5', '& table': { borderCollapse: 'collapse' }, '& th, & td': { border: `1px solid ${theme.colorNeutralStroke2}`, padding: '4px 8px' } },
});

/** Opens an allowed link in the system browser (main checks it again); never navigates the window. */
const ExternalLink = ({ href, children }: { href: string; children: ReactNode }) => (
  <Link
    href={href}
    onClick={(e) => {
      e.preventDefault();
      void bridge().shell.openExternal({ url: href });
    }}
  >
    {children}
  </Link>
);

const inline = (tokens: readonly Token[] | undefined, key = ''): ReactNode[] =>
  withoutRawText(tokens).map((t, i) => {
    const k = `${key}${i}`;
    switch (t.type) {
      case 'strong':
        return <strong key={k}>{inline((t as Tokens.Strong).tokens, k)}</strong>;
      case 'em':
        return <em key={k}>{inline((t as Tokens.Em).tokens, k)}</em>;
      case 'del':
        return <del key={k}>{inline((t as Tokens.Del).tokens, k)}</del>;
      case 'codespan':
        return <code key={k}>{decodeEntities((t as Tokens.Codespan).text)}</code>;
      case 'br':
        return <br key={k} />;
      case 'link': {
        const link = t as Tokens.Link;
        const href = checkLinkHref(link.href);
        const text = inline(link.tokens, k);
        return href ? (
          <ExternalLink key={k} href={href}>
            {text}
          </ExternalLink>
        ) : (
          <span key={k}>{text}</span>
        );
      }
      case 'image':
        return <span key={k}>[Picture: {decodeEntities((t as Tokens.Image).text) || 'no description'}]</span>;
      case 'text': {
        const text = t as Tokens.Text;
        return text.tokens ? <span key={k}>{inline(text.tokens, k)}</span> : <span key={k}>{decodeEntities(text.text)}</span>;
      }
      // Raw HTML is shown as the text it is, never interpreted.
      default:
        return <span key={k}>{decodeEntities((t as { raw?: string }).raw ?? '')}</span>;
    }
  });

const block = (t: Token, k: string, headingBase: number): ReactNode => {
  switch (t.type) {
    case 'heading': {
      const h = t as Tokens.Heading;
      const level = Math.min(6, h.depth + headingBase);
      const Tag = `h${level}` as 'h3';
      return <Tag key={k}>{inline(h.tokens, k)}</Tag>;
    }
    case 'paragraph':
      return <p key={k}>{inline((t as Tokens.Paragraph).tokens, k)}</p>;
    case 'list': {
      const l = t as Tokens.List;
      const items = l.items.map((item, i) => <li key={`${k}-${i}`}>{item.tokens.map((c, j) => (c.type === 'text' ? inline((c as Tokens.Text).tokens ?? [c], `${k}-${i}-${j}`) : block(c, `${k}-${i}-${j}`, headingBase)))}</li>);
      return l.ordered ? (
        <ol key={k} start={typeof l.start === 'number' ? l.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul key={k}>{items}</ul>
      );
    }
    case 'blockquote':
      return <blockquote key={k}>{(t as Tokens.Blockquote).tokens.map((c, i) => block(c, `${k}-${i}`, headingBase))}</blockquote>;
    case 'code':
      return (
        <pre key={k}>
          <code>{(t as Tokens.Code).text}</code>
        </pre>
      );
    case 'hr':
      return <hr key={k} />;
    case 'table': {
      const tb = t as Tokens.Table;
      return (
        <table key={k}>
          <thead>
            <tr>
              {tb.header.map((c, i) => (
                <th key={i} scope="col" style={{ textAlign: c.align ?? undefined }}>
                  {inline(c.tokens, `${k}h${i}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tb.rows.map((row, r) => (
              <tr key={r}>
                {row.map((c, i) => (
                  <td key={i} style={{ textAlign: c.align ?? undefined }}>
                    {inline(c.tokens, `${k}r${r}c${i}`)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'space':
      return null;
    case 'html':
      return <p key={k}>{(t as Tokens.HTML).text}</p>;
    default:
      return <p key={k}>{decodeEntities((t as { raw?: string }).raw ?? '')}</p>;
  }
};

/**
 * Markdown shown in the app, built as React elements from marked's tokens: raw HTML is never
 * parsed or injected (no innerHTML anywhere), and only http, https and mailto links are live.
 */
export const MarkdownView = ({ markdown, headingBase = 2 }: { markdown: string; headingBase?: number }) => {
  const styles = useStyles();
  return <div className={styles.root}>{new Lexer().lex(markdown).map((t, i) => block(t, `b${i}`, headingBase))}</div>;
};
