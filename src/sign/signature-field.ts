import { SigningError } from './errors.js';
import { appendUpdate, objectBody, readPdf, refIn, refsIn, withEntries, type NewObject, type PdfFile } from './pdf-file.js';
import { FIELD_NAME, pdfNumber } from './pdf-syntax.js';

/** The signature field's name when none is given: "ChuKy" ("signature"). */
export const DEFAULT_SIGNATURE_FIELD_NAME = 'ChuKy';

/** Where the field goes: a page (0 = first) and a rectangle in PDF points from the page's bottom left. */
export interface FieldPlace {
  pageIndex: number;
  rect: { left: number; bottom: number; right: number; top: number };
}

/** Annotation flag Print (bit 3): the field's appearance is printed with the page. */
const PRINT = 4;

/**
 * Adds an empty signature field (an AcroForm field /FT /Sig merged with its widget annotation) to
 * the PDF, as an incremental update: the widget on its page, the field in the catalog's AcroForm.
 * The widget has an empty appearance of its own size (PDF/A requires one on every widget), prints
 * with the page, and is never hidden. A signing tool that fills an existing field by name puts the
 * signature exactly there.
 */
export function addSignatureField(bytes: Uint8Array, place: FieldPlace, name: string = DEFAULT_SIGNATURE_FIELD_NAME): Uint8Array {
  if (!FIELD_NAME.test(name)) {
    throw new SigningError(
      `signatureField.name: "${name}" is not a field name: use 1 to 64 letters A–Z, digits, "_" or "-"`,
      `signatureField.name: "${name}" không dùng được làm tên trường: dùng 1 đến 64 chữ cái A–Z, chữ số, "_" hoặc "-"`,
    );
  }
  const pdf = readPdf(bytes);
  const catalog = objectBody(pdf, pdf.trailer.root);
  const pages = pageRefs(pdf, catalog);
  const page = pages[place.pageIndex];
  if (page === undefined) throw new Error(`ket-luan: the signature field's page ${place.pageIndex + 1} is not in the PDF (${pages.length} pages)`);

  let next = pdf.trailer.size;
  const widget = next++;
  const appearance = next++;
  const objects: NewObject[] = [];

  const { left, bottom, right, top } = place.rect;
  const width = pdfNumber(right - left);
  const height = pdfNumber(top - bottom);
  objects.push({
    number: widget,
    body: [
      '<<',
      '/Type /Annot',
      '/Subtype /Widget',
      '/FT /Sig',
      `/T (${name})`,
      `/F ${PRINT}`,
      `/Rect [${[left, bottom, right, top].map(pdfNumber).join(' ')}]`,
      `/P ${page} 0 R`,
      `/AP << /N ${appearance} 0 R >>`,
      '>>',
    ].join('\n'),
  });
  objects.push({
    number: appearance,
    body: `<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 ${width} ${height}]\n/Resources << >>\n/Length 0\n>>\nstream\n\nendstream`,
  });

  const pageBody = objectBody(pdf, page);
  const annots = refsIn(pageBody, 'Annots');
  if (annots === undefined && /\/Annots\s+\d+\s+0\s+R/.test(pageBody)) throw new Error('ket-luan: a page whose /Annots is a reference is not supported');
  objects.push({ number: page, body: withEntries(pageBody, { Annots: `[${[...(annots ?? []), widget].map((ref) => `${ref} 0 R`).join(' ')}]` }) });

  const acroFormRef = refIn(catalog, 'AcroForm');
  if (acroFormRef === undefined) {
    const acroForm = next++;
    objects.push({ number: acroForm, body: `<<\n/Fields [${widget} 0 R]\n>>` });
    objects.push({ number: pdf.trailer.root, body: withEntries(catalog, { AcroForm: `${acroForm} 0 R` }) });
  } else {
    const acroForm = objectBody(pdf, acroFormRef);
    const fields = refsIn(acroForm, 'Fields') ?? [];
    if (findField(pdf, fields, name) !== undefined) {
      throw new SigningError(`The PDF already has a field named "${name}"`, `PDF đã có trường tên "${name}"`);
    }
    objects.push({ number: acroFormRef, body: withEntries(acroForm, { Fields: `[${[...fields, widget].map((ref) => `${ref} 0 R`).join(' ')}]` }) });
  }
  return appendUpdate(pdf, objects, next);
}

/** The page objects in page order, from the catalog's page tree. */
function pageRefs(pdf: PdfFile, catalog: string): number[] {
  const root = refIn(catalog, 'Pages');
  if (root === undefined) throw new Error('ket-luan: the PDF catalog has no /Pages');
  const pages: number[] = [];
  const visit = (node: number, depth: number) => {
    if (depth > 32) throw new Error('ket-luan: the PDF page tree is too deep');
    const body = objectBody(pdf, node);
    if (/\/Type\s*\/Pages\b/.test(body)) for (const kid of refsIn(body, 'Kids') ?? []) visit(kid, depth + 1);
    else pages.push(node);
  };
  visit(root, 0);
  return pages;
}

/** The field among `fields` (object numbers) whose partial name /T is `name`. */
export function findField(pdf: PdfFile, fields: number[], name: string): { number: number; body: string } | undefined {
  for (const number of fields) {
    const body = objectBody(pdf, number);
    if (fieldName(body) === name) return { number, body };
  }
  return undefined;
}

function fieldName(dict: string): string | undefined {
  const literal = /\/T\s*\(((?:\\.|[^\\)])*)\)/.exec(dict);
  if (literal) return (literal[1] as string).replace(/\\(.)/g, '$1');
  const hex = /\/T\s*<([0-9A-Fa-f\s]*)>/.exec(dict);
  if (!hex) return undefined;
  const bytes = Buffer.from((hex[1] as string).replace(/\s/g, ''), 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}
