import JSZip from 'jszip';

/**
 * Makes a DOCX package byte-for-byte reproducible from the model alone.
 *
 * docx stamps docProps/core.xml with the current time and its zip writer gives every entry the
 * current mtime; nothing else it writes for our parts varies (relationship ids are sequential
 * rIdN, and the nanoid-based ids are used only by the patcher and images, which we never emit).
 * So: rewrite the two timestamps to the document's own date, add dc:language, and re-zip with a
 * fixed entry date, sorted names (which also puts [Content_Types].xml first, as Office expects)
 * and fixed compression options.
 */
export async function makeReproducible(
  docx: Uint8Array,
  meta: { date: Date; language: string },
): Promise<Uint8Array> {
  const stamp = w3cdtf(meta.date);
  const source = await JSZip.loadAsync(docx);
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name]?.dir)
    .sort(compareBytes);

  const target = new JSZip();
  const entryDate = zipEntryDate(meta.date);
  for (const name of names) {
    const entry = source.file(name);
    if (entry === null) continue;
    const data =
      name === CORE_PROPERTIES_PATH
        ? new TextEncoder().encode(rewriteCoreProperties(await entry.async('string'), stamp, meta.language))
        : await entry.async('uint8array');
    target.file(name, data, {
      date: entryDate,
      binary: true,
      createFolders: false,
      unixPermissions: null,
      dosPermissions: null,
    });
  }
  return target.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
    streamFiles: false,
  });
}

const CORE_PROPERTIES_PATH = 'docProps/core.xml';

/**
 * Replaces dcterms:created/modified and adds dc:language. Fails loudly if docx ever changes the
 * shape of core.xml, rather than silently producing non-reproducible output.
 */
export function rewriteCoreProperties(xml: string, stamp: string, language: string): string {
  let replaced = 0;
  const rewritten = xml.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_match, open: string, _tag: string, close: string) => {
      replaced += 1;
      return `${open}${stamp}${close}`;
    },
  );
  if (replaced !== 2 || !rewritten.includes('</cp:coreProperties>')) {
    throw new Error('ket-luan: unexpected docProps/core.xml from docx; cannot fix its timestamps');
  }
  const element = `<dc:language>${escapeXml(language)}</dc:language>`;
  return rewritten.replace('</cp:coreProperties>', `${element}</cp:coreProperties>`);
}

/** W3CDTF as Office writes it: UTC, whole seconds. */
export function w3cdtf(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('ket-luan: metadata.date is not a valid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// The zip format stores MS-DOS dates, which cover 1980-01-01 to 2107-12-31 (UTC as JSZip writes
// them); a document date outside is clamped rather than wrapped around.
const DOS_EPOCH = Date.UTC(1980, 0, 1);
const DOS_END = Date.UTC(2107, 11, 31, 23, 59, 58);
function zipEntryDate(date: Date): Date {
  return new Date(Math.min(DOS_END, Math.max(DOS_EPOCH, date.getTime())));
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
