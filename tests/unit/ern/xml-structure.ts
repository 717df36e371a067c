import { childElements, parseXml } from '@soundcheck/api/ern/xml-dom.ts';

export interface XmlTree {
  name: string;
  attributes: Record<string, string>;
  children: XmlTree[] | string;
}

function tree(element: Element, volatile: ReadonlySet<string>): XmlTree {
  const attributes = Object.fromEntries(Array.from(element.attributes).map((a) => [a.name, a.value]));
  const children = childElements(element);
  const text = volatile.has(element.localName) ? '<volatile>' : (element.textContent ?? '').trim();
  return {
    name: element.tagName,
    attributes,
    children: children.length > 0 ? children.map((child) => tree(child, volatile)) : text,
  };
}

/** The element tree of a message, whitespace-insensitive, with the text of `volatile` elements blanked. */
export const xmlStructure = (
  xml: string | Element,
  volatile: readonly string[] = ['MessageCreatedDateTime'],
): XmlTree => tree(typeof xml === 'string' ? parseXml(xml) : xml, new Set(volatile));
