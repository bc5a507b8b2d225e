import type { Xml } from './prepared.js';

/**
 * The XML text of an object in the shape docx's serialiser takes (see prepared.ts), written
 * exactly as docx 9 writes it, quirks included, so that a body serialised here reads the same
 * as one serialised by docx; test/docx-writer.test.ts compares the two. docx's own serialiser
 * is internal to it, and going through its packer means building a whole package.
 */
export function xmlString(node: Xml): string {
  const name = Object.keys(node)[0];
  if (name === undefined) return '';
  const value = node[name];
  let attributes = '';
  // docx's content list: its length decides between <a/> and <a></a>
  const content: string[] = [];
  if (typeof value === 'object' && value !== null) {
    const { _attr } = value as { _attr?: Record<string, unknown> };
    if (_attr) attributes += attributeString(_attr);
    if (Array.isArray(value)) {
      let isText = false;
      content.push('');
      for (const child of value as unknown[]) {
        if (typeof child === 'object' && child !== null) {
          const first = Object.keys(child)[0];
          if (first === '_attr') attributes += attributeString((child as { _attr: Record<string, unknown> })._attr);
          else content.push(xmlString(child as Xml));
        } else {
          // as docx does: text replaces the last item, so it is written after any attributes only
          content.pop();
          isText = true;
          content.push(escapeContent(child));
        }
      }
      if (!isText) content.push('');
    }
  } else {
    content.push(escapeContent(value));
  }
  return content.length === 0 ? `<${name}${attributes}/>` : `<${name}${attributes}>${content.join('')}</${name}>`;
}

function attributeString(attributes: Record<string, unknown>): string {
  let out = '';
  for (const key in attributes) out += ` ${key}="${escapeValue(attributes[key])}"`;
  return out;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

function escapeContent(value: unknown): string {
  return value === undefined ? '' : escapeValue(value);
}

/** Markup characters as entities; control characters XML cannot hold are dropped, as docx drops them. */
function escapeValue(value: unknown): string {
  return typeof value === 'string' ? value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '') : String(value);
}
