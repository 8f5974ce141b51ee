import { XMLParser } from 'fast-xml-parser';

/**
 * Reading a Word part (word/document.xml, comments.xml, numbering.xml) in document order:
 * fast-xml-parser's ordered form, where each node is `{ tag: children, ':@': attributes }`.
 */
export type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, processEntities: true });
export const parseXml = (xml: string): XNode[] => parser.parse(xml) as XNode[];
export const tagOf = (n: XNode) => Object.keys(n).find((k) => k !== ':@') ?? '';
export const kids = (n: XNode): XNode[] => (Array.isArray(n[tagOf(n)]) ? (n[tagOf(n)] as XNode[]) : []);
export const attr = (n: XNode, name: string) => n[':@']?.[name] ?? '';
