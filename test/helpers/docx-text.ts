/** Reads a DOCX (a zip package) back as text: its parts, and the text of every paragraph in document order. */
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

/** Every entry of a zip (DOCX) package, as text, in the package's order; each entry's CRC-32 is checked. */
export async function zipEntries(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) out.set(name, await entry.async('string'));
  }
  return out;
}

const orderedParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

type OrderedNode = Record<string, unknown>;

/**
 * The text of every paragraph (w:p) of a WordprocessingML part, in document order, table cells
 * included: the w:t texts of the paragraph concatenated, a w:br as "\n", a w:tab as "\t".
 */
export function docxParagraphs(xml: string): string[] {
  const paragraphs: string[] = [];
  const nameOf = (node: OrderedNode) => Object.keys(node).find((k) => k !== ':@');
  const textOf = (nodes: OrderedNode[]): string =>
    nodes
      .map((node) => {
        const name = nameOf(node);
        if (name === 'w:t') return ((node[name] as OrderedNode[]) ?? []).map((c) => (typeof c['#text'] === 'string' ? c['#text'] : String(c['#text'] ?? ''))).join('');
        if (name === 'w:br') return '\n';
        if (name === 'w:tab') return '\t';
        if (name === undefined || name === '#text') return '';
        return textOf((node[name] as OrderedNode[]) ?? []);
      })
      .join('');
  const walk = (nodes: OrderedNode[]) => {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === undefined || name === '#text') continue;
      const children = (node[name] as OrderedNode[]) ?? [];
      if (name === 'w:p') paragraphs.push(textOf(children));
      else walk(children);
    }
  };
  walk(orderedParser.parse(xml) as OrderedNode[]);
  return paragraphs;
}

/** One part of a DOCX package, as text; an error naming the part when the package has none. */
export async function docxPart(bytes: Uint8Array, path = 'word/document.xml'): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file(path)?.async('string');
  if (xml === undefined) throw new Error(`the DOCX has no ${path}`);
  return xml;
}

/** The paragraphs of a DOCX's main document part. */
export async function docxBodyParagraphs(bytes: Uint8Array): Promise<string[]> {
  return docxParagraphs(await docxPart(bytes));
}
