/**
 * What the signing tests need from outside the library: a self-signed certificate made by the
 * real `openssl`, PNG images made here, `pdfsig`'s verdict, the signature field read back from the
 * file's own objects, and pages rendered by `pdftoppm` to find where coloured pixels landed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';

const exec = promisify(execFile);
const POPPLER = process.env.POPPLER_DIR ?? '/usr/bin';

export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'ket-luan-sign-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A self-signed RSA certificate and key in a PKCS#12 file. OpenSSL 3's default protects it with
 * AES-256/PBKDF2 and a SHA-256 MAC; `legacy` asks for the older 3DES/SHA-1 form (what Windows
 * and older tools export).
 */
export async function makeP12(passphrase: string, options: { legacy?: boolean; commonName?: string } = {}): Promise<Uint8Array> {
  return withTempDir(async (dir) => {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const p12 = join(dir, 'cert.p12');
    const subject = `/CN=${options.commonName ?? 'Ma Dinh Dung'}/O=Dang uy thi tran Cho Chu/C=VN`;
    await exec('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '3650', '-subj', subject]);
    await exec('openssl', ['pkcs12', '-export', ...(options.legacy ? ['-legacy'] : []), '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${passphrase}`]);
    return new Uint8Array(await readFile(p12));
  });
}

export interface PdfsigReport {
  fieldName: string | undefined;
  valid: boolean;
  totalDocumentSigned: boolean;
  validation: string | undefined;
  subFilter: string | undefined;
  signingTime: string | undefined;
  output: string;
}

/** poppler's `pdfsig` on the file: its first signature's verdict. */
export async function pdfsig(pdf: Uint8Array): Promise<PdfsigReport> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'signed.pdf');
    await writeFile(file, pdf);
    let output: string;
    try {
      output = (await exec(join(POPPLER, 'pdfsig'), [file])).stdout;
    } catch (error) {
      // pdfsig exits non-zero when a signature does not verify; its report is still on stdout
      output = (error as { stdout?: string }).stdout ?? '';
    }
    const line = (label: string) => new RegExp(`- ${label}: (.*)`).exec(output)?.[1]?.trim();
    const validation = line('Signature Validation');
    return {
      fieldName: line('Signature Field Name'),
      valid: validation === 'Signature is Valid.',
      totalDocumentSigned: /- Total document signed/.test(output),
      validation,
      subFilter: line('Signature Type'),
      signingTime: line('Signing Time'),
      output,
    };
  });
}

export interface FieldRead {
  name: string;
  /** 0 = first page. */
  pageIndex: number;
  /** PDF points from the page's top left (as poppler reports words): left, top, right, bottom. */
  box: { xMin: number; yMin: number; xMax: number; yMax: number };
  flags: number;
  signed: boolean;
}

/**
 * The signature fields of a PDF, read from the file's own text: the newest version of every object
 * (incremental updates append new versions), widgets with /FT /Sig, their /Rect turned to
 * top-left coordinates with the page's MediaBox.
 */
export function signatureFields(pdf: Uint8Array): FieldRead[] {
  const text = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, string>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(match[1]), match[2] as string);
  const pagesTree = [...objects.values()].find((body) => /\/Type \/Pages\b/.test(body)) ?? '';
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(pagesTree)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const fields: FieldRead[] = [];
  for (const body of objects.values()) {
    if (!/\/FT \/Sig\b/.test(body)) continue;
    const rect = (/\/Rect \[([^\]]*)\]/.exec(body)?.[1] ?? '').trim().split(/\s+/).map(Number) as [number, number, number, number];
    const page = Number(/\/P (\d+) 0 R/.exec(body)?.[1]);
    const media = (/\/MediaBox \[([^\]]*)\]/.exec(objects.get(page) ?? '')?.[1] ?? '').trim().split(/\s+/).map(Number);
    const height = media[3] as number;
    fields.push({
      name: /\/T \(([^)]*)\)/.exec(body)?.[1] ?? '',
      pageIndex: kids.indexOf(page),
      box: { xMin: rect[0], yMin: height - rect[3], xMax: rect[2], yMax: height - rect[1] },
      flags: Number(/\/F (\d+)/.exec(body)?.[1]),
      signed: /\/V \d+ 0 R/.test(body),
    });
  }
  return fields;
}

/** An RGBA PNG drawn pixel by pixel. */
export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(file);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export interface Raster {
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
  rgb(x: number, y: number): [number, number, number];
}

/** One page rendered by pdftoppm at `dpi`, as RGB pixels. */
export async function renderPage(pdf: Uint8Array, pageIndex: number, dpi = 100): Promise<Raster> {
  return withTempDir(async (dir) => {
    const file = join(dir, 'page.pdf');
    await writeFile(file, pdf);
    const page = String(pageIndex + 1);
    await exec(join(POPPLER, 'pdftoppm'), ['-f', page, '-l', page, '-r', String(dpi), '-singlefile', file, join(dir, 'out')]);
    const ppm = await readFile(join(dir, 'out.ppm'));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a P6 file');
    const width = Number(header[1]);
    const height = Number(header[2]);
    const offset = header[0].length;
    return {
      width,
      height,
      scale: dpi / 72,
      rgb: (x, y) => {
        const at = offset + (y * width + x) * 3;
        return [ppm[at] as number, ppm[at + 1] as number, ppm[at + 2] as number];
      },
    };
  });
}

/** The box, in PDF points from the top left, of the pixels that match; undefined when none does. */
export function pixelBox(raster: Raster, matches: (rgb: [number, number, number]) => boolean): FieldRead['box'] | undefined {
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      if (!matches(raster.rgb(x, y))) continue;
      xMin = Math.min(xMin, x);
      yMin = Math.min(yMin, y);
      xMax = Math.max(xMax, x + 1);
      yMax = Math.max(yMax, y + 1);
    }
  }
  if (xMin === Infinity) return undefined;
  return { xMin: xMin / raster.scale, yMin: yMin / raster.scale, xMax: xMax / raster.scale, yMax: yMax / raster.scale };
}
