import type { PlacedImage } from '../model/document.js';
import type { Profile } from '../profile/schema.js';
import { pngSize } from '../images/png.js';
import { optionError } from '../sign/errors.js';

/** The pictures an electronic document carries in its signing space: PNG file bytes. */
export interface SigningImages {
  /** The signer's hand signature, on a transparent background. */
  signatureImage?: Uint8Array;
  /** The issuing body's seal, red on a transparent background. */
  sealImage?: Uint8Array;
}

/**
 * Where the images go in the signing space, as the guidance for electronic Party documents is
 * reported to describe it: the signature centred between the position line and the name, the
 * seal at its real size over the signature's left third. Sizes and offsets are profile values
 * (footer.signatureImage, footer.sealImage). Without a signature image the seal is placed as if
 * one filled the signature box.
 */
export function placeSigningImages(images: SigningImages, profile: Profile, columnWidthMm: number): PlacedImage[] {
  const { signSpaceMm, signatureImage: box, sealImage: seal } = profile.footer;
  const placed: PlacedImage[] = [];
  let signature = { leftMm: (columnWidthMm - box.maxWidthMm) / 2, widthMm: box.maxWidthMm };
  if (images.signatureImage !== undefined) {
    const size = sizeOf(images.signatureImage, 'signatureImage');
    const scale = Math.min(box.maxWidthMm / size.widthPx, box.maxHeightMm / size.heightPx);
    const widthMm = size.widthPx * scale;
    const heightMm = size.heightPx * scale;
    signature = { leftMm: (columnWidthMm - widthMm) / 2, widthMm };
    placed.push({ role: 'signature-image', png: images.signatureImage, widthMm, heightMm, leftMm: signature.leftMm, topMm: (signSpaceMm - heightMm) / 2 });
  }
  if (images.sealImage !== undefined) {
    const size = sizeOf(images.sealImage, 'sealImage');
    const widthMm = seal.widthMm;
    const heightMm = (seal.widthMm * size.heightPx) / size.widthPx;
    const rightMm = signature.leftMm + seal.overlap * signature.widthMm;
    placed.push({ role: 'seal-image', png: images.sealImage, widthMm, heightMm, leftMm: rightMm - widthMm, topMm: (signSpaceMm - heightMm) / 2 + seal.offsetYMm });
  }
  return placed;
}

function sizeOf(png: unknown, option: string) {
  const size = png instanceof Uint8Array ? pngSize(png) : undefined;
  if (size === undefined) {
    if (png instanceof Uint8Array) throw optionError(option, 'is not a PNG file', 'không phải tệp PNG');
    throw optionError(option, 'expected the bytes of a PNG file (or, from Node, its path)', 'cần nội dung của một tệp PNG (hoặc, từ Node, đường dẫn tới tệp)');
  }
  return size;
}
