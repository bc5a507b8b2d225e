/**
 * The paragraphs of a DOCX's body as a reader of its XML sees them: text, the indents that apply
 * (the paragraph's own w:ind, else the default paragraph style's), and each run's text and
 * emphasis. A w:p never contains another, so paragraphs are found by matching their elements.
 */
import JSZip from 'jszip';

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface DocxParagraph {
  text: string;
  /** Effective w:ind in twips; hanging is w:hanging (0 when the paragraph has a w:firstLine). */
  indent: { left: number; firstLine: number; hanging: number };
  runs: DocxRun[];
  /** Inside a table cell (the header or the recipients and signature). */
  inTable: boolean;
}

const decode = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function indentOf(xml: string | undefined): Partial<DocxParagraph['indent']> | undefined {
  const tag = xml === undefined ? undefined : /<w:ind\b[^>]*\/>/.exec(xml)?.[0];
  if (tag === undefined) return undefined;
  const a = attributes(tag);
  return { left: Number(a['w:left'] ?? 0), firstLine: Number(a['w:firstLine'] ?? 0), hanging: Number(a['w:hanging'] ?? 0) };
}

export async function docxBodyParagraphDetails(bytes: Uint8Array): Promise<DocxParagraph[]> {
  const zip = await JSZip.loadAsync(bytes);
  const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const normal = [...styles.matchAll(/<w:style\b([^>]*)>[\s\S]*?<\/w:style>/g)].find(
    ([, attrs]) => /w:type="paragraph"/.test(attrs!) && /w:default="(?:1|true)"/.test(attrs!),
  )?.[0];
  const base = { left: 0, firstLine: 0, hanging: 0, ...indentOf(normal) };
  const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  return [...document.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>|<w:p [\s\S]*?<\/w:p>/g)].map((match) => {
    const xml = match[0];
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(xml)?.[0];
    const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run]) => ({
      text: [...run!.matchAll(/<w:t[^>]*>([\s\S]*?)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''),
      bold: /<w:b\/>/.test(run!),
      italic: /<w:i\/>/.test(run!),
    }));
    return {
      text: runs.map((run) => run.text).join(''),
      indent: { ...base, ...indentOf(pPr) },
      runs,
      inTable: tables.some(([start, end]) => match.index! > start && match.index! < end),
    };
  });
}

/** Twips (1/20 pt) to PDF points. */
export const twipsToPt = (twips: number) => twips / 20;
