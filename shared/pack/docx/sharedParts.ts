/**
 * docx writes a header part and a footer part for every section, though most are the same: every
 * section of a pack carries the same footer ("Page X of Y · Full pack"), and a part that breaks
 * for a landscape table repeats its header. Sections may reference one part between them (a
 * relationship target can be shared; ECMA-376 Part 1 §17.10.5), so identical parts are kept once:
 * fewer parts to write, zip and open, and one footer to change by hand if a clerk ever needs to.
 */
type Parts = Map<string, string | Uint8Array>;

const RELS = 'word/_rels/document.xml.rels';
const REL = /<Relationship Id="([^"]+)" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/(header|footer)" Target="([^"]+)"\/>/g;

export const shareIdenticalHeadersAndFooters = (files: Parts): void => {
  const rels = String(files.get(RELS) ?? '');
  const keptByContent = new Map<string, string>(); // kind + content → kept rId
  const replaced = new Map<string, string>(); // dropped rId → kept rId
  const dropped: { rel: string; target: string }[] = [];
  for (const m of rels.matchAll(REL)) {
    const [rel, rId, kind, target] = m;
    const content = `${kind}\n${String(files.get(`word/${target}`) ?? '')}\n${String(files.get(`word/_rels/${target}.rels`) ?? '')}`;
    const kept = keptByContent.get(content);
    if (kept === undefined) keptByContent.set(content, rId);
    else {
      replaced.set(rId, kept);
      dropped.push({ rel, target });
    }
  }
  if (dropped.length === 0) return;
  const document = String(files.get('word/document.xml'));
  files.set(
    'word/document.xml',
    document.replace(/<w:(header|footer)Reference w:type="(\w+)" r:id="([^"]+)"\/>/g, (whole, kind: string, type: string, rId: string) => {
      const kept = replaced.get(rId);
      return kept ? `<w:${kind}Reference w:type="${type}" r:id="${kept}"/>` : whole;
    }),
  );
  let nextRels = rels;
  let types = String(files.get('[Content_Types].xml'));
  for (const { rel, target } of dropped) {
    nextRels = nextRels.replace(rel, '');
    types = types.replace(new RegExp(`<Override ContentType="[^"]+" PartName="/word/${target.replace(/\./g, '\\.')}"/>`), '');
    files.delete(`word/${target}`);
    files.delete(`word/_rels/${target}.rels`);
  }
  files.set(RELS, nextRels);
  files.set('[Content_Types].xml', types);
};

/**
 * Gives every section the header and footer references of the section before it where it names
 * none of its own. The pack's builder declares a part's header once, on its first section, and the
 * footer once, on the pack's first (document.ts), so docx lays out each once; every section still
 * names its parts, as Word writes them, so a section moved or deleted by hand keeps its header.
 * The references go first in w:sectPr (EG_HdrFtrReferences, ECMA-376 Part 1 §17.6.17).
 */
export const namePartsInEverySection = (documentXml: string): string => {
  const current = new Map<string, string>(); // "header default" → the reference element
  return documentXml.replace(/(<w:sectPr\b[^>]*(?<!\/)>)([\s\S]*?<\/w:sectPr>)/g, (_whole, open: string, rest: string) => {
    const own = new Set<string>();
    for (const m of rest.matchAll(/<w:(header|footer)Reference w:type="(\w+)" r:id="[^"]+"\/>/g)) {
      own.add(`${m[1]} ${m[2]}`);
      current.set(`${m[1]} ${m[2]}`, m[0]);
    }
    const inherited = [...current].filter(([key]) => !own.has(key)).map(([, ref]) => ref);
    return `${open}${inherited.join('')}${rest}`;
  });
};
