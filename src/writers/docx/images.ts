import { inflateSync } from 'fflate';
import type { ImageSpec } from '../../layout/index.js';
import { deflateFile, type DeflatedFile } from './zip.js';

/**
 * Pictures anchored in the body (the signature and seal images): each a PNG part under
 * word/media/, a relationship from the document to it, and a DrawingML anchor in its paragraph.
 *
 * The anchor floats in front of the text (wrapNone, behindDoc 0), takes no room, and is placed
 * from the left of its column (a table cell: layoutInCell) and the top of its paragraph, so
 * Word and LibreOffice put it where the PDF writer draws it. Pictures drawn later stack higher
 * (relativeHeight), as in the PDF. The package's [Content_Types].xml already maps .png.
 */

const EMU_PER_TWIP = 635;
const RELATIONSHIPS_PATH = 'word/_rels/document.xml.rels';
const IMAGE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

export class DocxMedia {
  private readonly images: { spec: ImageSpec; id: number }[] = [];

  /** The anchor for an image, registering its part. */
  anchorXml(image: ImageSpec): string {
    const id = this.images.length + 1;
    this.images.push({ spec: image, id });
    const cx = image.widthTwips * EMU_PER_TWIP;
    const cy = image.heightTwips * EMU_PER_TWIP;
    const name = `${image.role}-${id}`;
    return (
      '<w:r><w:drawing>' +
      `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
      '<wp:simplePos x="0" y="0"/>' +
      `<wp:positionH relativeFrom="column"><wp:posOffset>${image.leftTwips * EMU_PER_TWIP}</wp:posOffset></wp:positionH>` +
      `<wp:positionV relativeFrom="paragraph"><wp:posOffset>${image.topTwips * EMU_PER_TWIP}</wp:posOffset></wp:positionV>` +
      `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
      `<wp:docPr id="${id}" name="${name}"/>` +
      '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      `<pic:nvPicPr><pic:cNvPr id="${id}" name="${name}.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${relationshipId(id)}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
      '</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
    );
  }

  /** The package's files with the images' parts added and the document's relationships to them. */
  addTo(files: DeflatedFile[]): DeflatedFile[] {
    if (this.images.length === 0) return files;
    const withRelationships = files.map((file) => {
      if (file.path !== RELATIONSHIPS_PATH) return file;
      const xml = new TextDecoder().decode(inflateSync(file.deflated));
      const added = this.images
        .map(({ id }) => `<Relationship Id="${relationshipId(id)}" Type="${IMAGE_RELATIONSHIP}" Target="media/${mediaName(id)}"/>`)
        .join('');
      if (!xml.includes('</Relationships>')) throw new Error(`ket-luan: ${RELATIONSHIPS_PATH} has no </Relationships>`);
      return deflateFile(RELATIONSHIPS_PATH, xml.replace('</Relationships>', `${added}</Relationships>`));
    });
    if (!withRelationships.some((file) => file.path === RELATIONSHIPS_PATH)) throw new Error(`ket-luan: docx wrote no ${RELATIONSHIPS_PATH}`);
    return [...withRelationships, ...this.images.map(({ spec, id }) => deflateFile(`word/media/${mediaName(id)}`, spec.png))];
  }
}

/** Ids no docx-written relationship uses (those are rId1, rId2…). */
function relationshipId(id: number): string {
  return `rIdKetLuanImage${id}`;
}

function mediaName(id: number): string {
  return `ket-luan-image${id}.png`;
}
