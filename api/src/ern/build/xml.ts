import type { create } from 'xmlbuilder2';

export type XmlNode = ReturnType<typeof create>;

/** Appends `<name attrs>text</name>` to `parent` and returns `parent`, so leaves chain. */
export function leaf(
  parent: XmlNode,
  name: string,
  text: string | number,
  attributes?: Record<string, string>,
): XmlNode {
  parent
    .ele(name, attributes ?? {})
    .txt(String(text))
    .up();
  return parent;
}

/** Appends `<name>` and hands it to `fill`; returns `parent`. */
export function branch(
  parent: XmlNode,
  name: string,
  fill: (node: XmlNode) => void,
  attributes?: Record<string, string>,
): XmlNode {
  fill(parent.ele(name, attributes ?? {}));
  return parent;
}
