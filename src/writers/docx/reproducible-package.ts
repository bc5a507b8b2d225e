/**
 * Makes a DOCX package byte-for-byte reproducible from the model alone.
 *
 * docx would stamp docProps/core.xml with the current time, and a zip writer gives every entry
 * the current time (fflate in local time); nothing else docx writes for our parts varies
 * (relationship ids are sequential rIdN, and the nanoid-based ids are used only by the patcher
 * and images, which we never emit). So the writer supplies core.xml itself, carrying the
 * document's own date, and the zip entries' DOS timestamps are rewritten in place, in UTC.
 */

import { zipDirectory } from './zip.js';

export const CORE_PROPERTIES_PATH = 'docProps/core.xml';

interface CoreProperties {
  title: string;
  subject: string;
  creator: string;
  keywords: string[];
  language: string;
  date: Date;
}

/** docProps/core.xml as Office writes it, with both timestamps set to the document's date. */
export function corePropertiesXml(props: CoreProperties): string {
  const stamp = w3cdtf(props.date);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(props.title)}</dc:title>` +
    `<dc:subject>${escapeXml(props.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(props.creator)}</dc:creator>` +
    `<cp:keywords>${escapeXml(props.keywords.join(', '))}</cp:keywords>` +
    `<cp:lastModifiedBy>${escapeXml(props.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dc:language>${escapeXml(props.language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** W3CDTF as Office writes it: UTC, whole seconds. */
function w3cdtf(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('ket-luan: metadata.date is not a valid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Sets the modification time of every entry of a zip archive, in its local and central headers.
 * Returns a new array; throws if the archive is not a plain zip (no zip64), as zip.ts writes it.
 */
export function setZipEntryTimes(zip: Uint8Array, date: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { time, day } = dosDateTime(date);
  for (const entry of zipDirectory(out)) {
    view.setUint16(entry.centralHeader + 12, time, true);
    view.setUint16(entry.centralHeader + 14, day, true);
    view.setUint16(entry.localHeader + 10, time, true);
    view.setUint16(entry.localHeader + 12, day, true);
  }
  return out;
}

/**
 * MS-DOS date and time fields (UTC, two-second steps). They cover 1980–2107: a document date
 * outside is clamped rather than wrapped around.
 */
function dosDateTime(date: Date): { time: number; day: number } {
  const min = Date.UTC(1980, 0, 1);
  const max = Date.UTC(2107, 11, 31, 23, 59, 58);
  const d = new Date(Math.min(max, Math.max(min, date.getTime())));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    day: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
