import type PDFDocument from 'pdfkit';
import { replaceInfoXmp } from '../../adapters/pdfkit.js';
import type { DocumentMetadata } from '../../model/document.js';

/** Fixed, so that the same model always gives the same bytes. */
const CREATOR = 'ket-luan';
const PRODUCER = 'ket-luan PDF writer (PDFKit)';

/**
 * The Info dictionary, every date the document's own (pdfkit would stamp the time of writing).
 * Empty fields are left out rather than written empty.
 */
export function pdfInfo(metadata: DocumentMetadata): Record<string, string | Date> {
  const info: Record<string, string | Date> = {
    Producer: PRODUCER,
    Creator: CREATOR,
    Title: metadata.title,
    Author: metadata.author,
    Subject: metadata.subject,
    Keywords: metadata.keywords.join(', '),
    CreationDate: metadata.date,
    ModDate: metadata.date,
  };
  for (const [key, value] of Object.entries(info)) if (value === '') delete info[key];
  return info;
}

/**
 * Replaces pdfkit's XMP description of the Info fields on this one document (through the pdfkit
 * adapter). pdfkit's own writes the values unescaped (an "&" in a title makes the XMP invalid XML) and omits the XMP twins of
 * Producer, Keywords and ModDate, which PDF/A requires to match the Info dictionary.
 */
export function completeXmp(document: PDFDocument, metadata: DocumentMetadata): void {
  const date = xmpDate(metadata.date);
  const keywords = metadata.keywords.join(', ');
  const xml = [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(CREATOR)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${escapeXml(PRODUCER)}</pdf:Producer>`,
    `<pdf:Keywords>${escapeXml(keywords)}</pdf:Keywords>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(metadata.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escapeXml(metadata.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(metadata.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:subject><rdf:Bag>${metadata.keywords.map((keyword) => `<rdf:li>${escapeXml(keyword)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(metadata.language)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
  ].join('\n');
  replaceInfoXmp(document, xml);
}

/** XMP dates as pdfkit writes CreationDate: UTC, whole seconds. */
function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
