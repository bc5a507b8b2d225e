import type { PlacedBlock } from '../writers/pdf/index.js';
import { SigningError } from './errors.js';
import { signPdf, type SignOptions } from './sign-pdf.js';
import { addSignatureField, DEFAULT_SIGNATURE_FIELD_NAME, type FieldPlace } from './signature-field.js';

export { SigningError, isSigningError } from './errors.js';
export { signPdf, type ExternalSigner, type SignOptions, type P12SignOptions, type SignerSignOptions } from './sign-pdf.js';
export { addSignatureField, DEFAULT_SIGNATURE_FIELD_NAME, type FieldPlace } from './signature-field.js';

/** The role of the model's spacer the signature goes in (compose/footer.ts). */
const SIGNING_SPACE_ROLE = 'signature-space';

export interface SigningSteps {
  /** Add an empty signature field over the signing space; true, or its name. */
  signatureField?: boolean | { name?: string };
  /** Sign into that field (adds it if signatureField is not set). */
  sign?: SignOptions;
}

/** Whether the PDF needs the post-steps at all. */
function wantsSigning(steps: SigningSteps): boolean {
  return steps.sign !== undefined || (steps.signatureField !== undefined && steps.signatureField !== false);
}

/**
 * The steps after the PDF writer, on its bytes: the signature field over the signing space, then
 * the signature. The field's rectangle is the signing space as the layout placed it: between the
 * position line and the signer's name, as wide as the signature column, on the page the
 * signature block landed on.
 */
export async function finishSigning(pdf: Uint8Array, spaces: PlacedBlock[], pageHeightPt: number, steps: SigningSteps): Promise<Uint8Array> {
  if (!wantsSigning(steps)) return pdf;
  const name = fieldNameOf(steps.signatureField);
  const space = spaces.find((placed) => placed.role === SIGNING_SPACE_ROLE);
  if (space === undefined) throw new Error('ket-luan: the layout placed no signing space for the signature field');
  const place: FieldPlace = {
    pageIndex: space.page - 1,
    rect: { left: space.xPt, right: space.xPt + space.widthPt, top: pageHeightPt - space.yPt, bottom: pageHeightPt - space.yPt - space.heightPt },
  };
  const withField = addSignatureField(pdf, place, name);
  return steps.sign === undefined ? withField : signPdf(withField, steps.sign, name);
}

function fieldNameOf(option: SigningSteps['signatureField']): string {
  if (option === undefined || option === true || option === false) return DEFAULT_SIGNATURE_FIELD_NAME;
  if (typeof option === 'object' && option !== null && (option.name === undefined || typeof option.name === 'string')) {
    return option.name ?? DEFAULT_SIGNATURE_FIELD_NAME;
  }
  throw new SigningError('signatureField: expected true or { name }', 'signatureField: cần true hoặc { name }');
}
