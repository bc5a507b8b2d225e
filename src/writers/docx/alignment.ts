import { AlignmentType } from 'docx';
import type { HorizontalAlign } from '../../model/document.js';

/**
 * "left"/"right" rather than "start"/"end": LibreOffice before 7.x and Google Docs read only the
 * former, and the documents are never right-to-left. Justify is w:jc="both".
 */
export function toDocxAlignment(align: HorizontalAlign): (typeof AlignmentType)[keyof typeof AlignmentType] {
  switch (align) {
    case 'left':
      return AlignmentType.LEFT;
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'justify':
      return AlignmentType.JUSTIFIED;
  }
}
