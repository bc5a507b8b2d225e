import { SignPdf } from '@signpdf/signpdf';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SignPdfError, Signer, SUBFILTER_ADOBE_PKCS7_DETACHED, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { cmsSignedData } from './cms.js';
import { SigningError } from './errors.js';
import { openP12 } from './p12.js';
import { appendUpdate, objectBody, readPdf, refIn, refsIn, withEntries } from './pdf-file.js';
import { pdfDate, pdfTextString } from './pdf-syntax.js';
import { DEFAULT_SIGNATURE_FIELD_NAME, findField } from './signature-field.js';

/**
 * What signs: either a PKCS#12 file and its passphrase, or an external signer (a USB token's
 * driver, a signing service) that returns a detached CMS signature of the bytes it is given.
 */
export interface ExternalSigner {
  /**
   * Returns a DER-encoded CMS SignedData, detached (without the content), over `content`: the
   * whole PDF except the signature's placeholder. `signingTime` is the time the PDF declares,
   * for the signer's signing-time attribute.
   */
  sign(content: Uint8Array, signingTime?: Date): Promise<Uint8Array>;
}

interface SignDetails {
  /** Why the document is signed, e.g. "Ban hành văn bản"; shown by PDF readers. */
  reason?: string;
  /** Where it is signed, e.g. "Chợ Chu". */
  location?: string;
  /** The signing time written into the PDF and the signature; default: now. Makes a signed render reproducible. */
  signedAt?: Date;
  /** The signature's sub-filter; default "adbe.pkcs7.detached", read by every PDF reader. */
  subFilter?: 'adbe.pkcs7.detached' | 'ETSI.CAdES.detached';
  /** Bytes kept for the signature in the file; default 8192, room for a certificate chain of three. */
  reservedBytes?: number;
}

export interface P12SignOptions extends SignDetails {
  /** The PKCS#12 (.p12/.pfx) file's bytes. */
  p12: Uint8Array;
  passphrase?: string;
}

export interface SignerSignOptions extends SignDetails {
  signer: ExternalSigner;
}

export type SignOptions = P12SignOptions | SignerSignOptions;

const DEFAULT_RESERVED_BYTES = 8192;

/** Bridges our signers to @signpdf's Signer, which hands over the bytes to sign. */
class CallbackSigner extends Signer {
  constructor(private readonly signBytes: (content: Uint8Array, signingTime: Date | undefined) => Promise<Uint8Array>) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    // handed over as the Buffer it is (a Uint8Array), so that @signpdf's own signers take it too
    const signature = await this.signBytes(pdfBuffer, signingTime);
    return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
  }
}

/**
 * Signs the PDF into its empty signature field `fieldName`: appends a signature dictionary with a
 * placeholder and the filled field as an incremental update, then has @signpdf/signpdf compute
 * the byte range (the whole file but the placeholder) and put the signer's CMS in its place.
 * Nothing is returned unless the signature fits and the signer succeeded.
 */
export async function signPdf(bytes: Uint8Array, options: SignOptions, fieldName: string = DEFAULT_SIGNATURE_FIELD_NAME): Promise<Uint8Array> {
  const signedAt = options.signedAt ?? new Date();
  if (!(signedAt instanceof Date) || Number.isNaN(signedAt.getTime())) {
    throw new SigningError('sign.signedAt: expected a valid Date', 'sign.signedAt: cần một giá trị Date hợp lệ');
  }
  const subFilter = options.subFilter ?? SUBFILTER_ADOBE_PKCS7_DETACHED;
  if (subFilter !== SUBFILTER_ADOBE_PKCS7_DETACHED && subFilter !== SUBFILTER_ETSI_CADES_DETACHED) {
    throw new SigningError(
      `sign.subFilter: expected "adbe.pkcs7.detached" or "ETSI.CAdES.detached", not ${JSON.stringify(subFilter)}`,
      `sign.subFilter: cần "adbe.pkcs7.detached" hoặc "ETSI.CAdES.detached", không phải ${JSON.stringify(subFilter)}`,
    );
  }
  const reserved = options.reservedBytes ?? DEFAULT_RESERVED_BYTES;
  if (!Number.isInteger(reserved) || reserved < 1024 || reserved > 1_048_576) {
    throw new SigningError('sign.reservedBytes: expected a whole number from 1024 to 1048576', 'sign.reservedBytes: cần một số nguyên từ 1024 đến 1048576');
  }
  const signBytes = await signerOf(options);

  const pdf = readPdf(bytes);
  const catalog = objectBody(pdf, pdf.trailer.root);
  const acroFormRef = refIn(catalog, 'AcroForm');
  const acroForm = acroFormRef === undefined ? undefined : objectBody(pdf, acroFormRef);
  const field = acroForm === undefined ? undefined : findField(pdf, refsIn(acroForm, 'Fields') ?? [], fieldName);
  if (acroFormRef === undefined || acroForm === undefined || field === undefined || !/\/FT\s*\/Sig\b/.test(field.body)) {
    throw new SigningError(`The PDF has no signature field named "${fieldName}"`, `PDF không có trường chữ ký tên "${fieldName}"`);
  }
  if (/\/V\s/.test(field.body)) {
    throw new SigningError(`The signature field "${fieldName}" is already signed`, `Trường chữ ký "${fieldName}" đã được ký`);
  }

  const signature = pdf.trailer.size;
  const placeholder = `/${DEFAULT_BYTE_RANGE_PLACEHOLDER}`;
  const signatureDict = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    `/SubFilter /${subFilter}`,
    `/ByteRange [0 ${placeholder} ${placeholder} ${placeholder}]`,
    `/Contents <${'0'.repeat(reserved * 2)}>`,
    `/M (${pdfDate(signedAt)})`,
    ...(options.reason ? [`/Reason ${pdfTextString(options.reason)}`] : []),
    ...(options.location ? [`/Location ${pdfTextString(options.location)}`] : []),
    '/Prop_Build << /App << /Name /ket-luan >> >>',
    '>>',
  ].join('\n');
  const prepared = appendUpdate(
    pdf,
    [
      { number: acroFormRef, body: withEntries(acroForm, { SigFlags: '3' }) },
      { number: field.number, body: withEntries(field.body, { V: `${signature} 0 R` }) },
      { number: signature, body: signatureDict },
    ],
    signature + 1,
  );

  try {
    const signed = await new SignPdf().sign(Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength), new CallbackSigner(signBytes), signedAt);
    return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
  } catch (error) {
    if (error instanceof SigningError) throw error;
    if (error instanceof SignPdfError && /exceeds placeholder length/.test(error.message)) {
      throw new SigningError(
        `The signature is larger than the ${reserved} bytes kept for it; raise sign.reservedBytes`,
        `Chữ ký lớn hơn ${reserved} byte dành cho nó; hãy tăng sign.reservedBytes`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** The signing function; a P12 is opened here, so a wrong passphrase fails before anything is built. */
async function signerOf(options: SignOptions): Promise<(content: Uint8Array, signingTime: Date | undefined) => Promise<Uint8Array>> {
  if (typeof options !== 'object' || options === null) {
    throw new SigningError('sign: expected { p12, passphrase } or { signer }', 'sign: cần { p12, passphrase } hoặc { signer }');
  }
  if ('signer' in options && options.signer !== undefined) {
    const { signer } = options;
    if (typeof signer?.sign !== 'function') {
      throw new SigningError('sign.signer: expected an object with a sign(bytes) method', 'sign.signer: cần một đối tượng có phương thức sign(bytes)');
    }
    return async (content, signingTime) => {
      let signature: unknown;
      try {
        signature = await signer.sign(content, signingTime);
      } catch (error) {
        const reason = (error as Error)?.message ?? String(error);
        throw new SigningError(`sign.signer: the signer failed: ${reason}`, `sign.signer: bộ ký báo lỗi: ${reason}`, { cause: error });
      }
      if (!(signature instanceof Uint8Array) || signature.byteLength === 0 || signature[0] !== 0x30) {
        throw new SigningError(
          'sign.signer: sign() must resolve to the DER bytes of a CMS SignedData',
          'sign.signer: sign() phải trả về các byte DER của một CMS SignedData',
        );
      }
      return signature;
    };
  }
  if (!('p12' in options) || !(options.p12 instanceof Uint8Array)) {
    throw new SigningError('sign.p12: expected the bytes of a .p12 file (or sign.signer)', 'sign.p12: cần nội dung tệp .p12 (hoặc sign.signer)');
  }
  const passphrase = options.passphrase ?? '';
  if (typeof passphrase !== 'string') throw new SigningError('sign.passphrase: expected a string', 'sign.passphrase: cần một chuỗi');
  const identity = await openP12(options.p12, passphrase);
  return (content, signingTime) => cmsSignedData(content, identity, signingTime ?? new Date());
}
