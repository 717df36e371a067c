import { DOMParser } from '@oozcitak/dom';

/** Thrown for text that is not well-formed XML. */
export class XmlParseError extends Error {
  override name = 'XmlParseError';
}

/**
 * Parses XML strictly: malformed input, a duplicate attribute, trailing text or any DOCTYPE is an error,
 * so untrusted partner files cannot smuggle in entities.
 */
export function parseXml(xml: string): Element {
  if (xml.trim() === '') throw new XmlParseError('the document is empty');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  // No DDEX message needs a DTD; refusing one outright closes entity tricks (XXE, billion laughs).
  if (doc.doctype) throw new XmlParseError('a DOCTYPE declaration is not allowed');
  const root = doc.documentElement as unknown as Element | null;
  if (!root || root.localName === 'parsererror')
    throw new XmlParseError('the document is not well-formed XML');
  return root;
}

/** Element children of `parent` with this local name, whatever their namespace prefix. */
export function childElements(parent: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 1 && (localName === undefined || (node as Element).localName === localName)) {
      out.push(node as Element);
    }
  }
  return out;
}

/** Every element below `parent` with this local name, in document order, whatever the namespace. */
export function descendants(parent: Element, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS('*', localName));
}

/** The trimmed text of the first child element with this local name, or null. */
export function childText(parent: Element, localName: string): string | null {
  const [child] = childElements(parent, localName);
  return child ? (child.textContent ?? '').trim() : null;
}
