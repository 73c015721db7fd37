import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * An XML element as the XML adapter reads it:
 * - an element with neither attributes nor child elements is its text, trimmed (`''` when empty);
 * - any other is an object of its attributes (`@name`), its child elements by name, and its text,
 *   trimmed, as `#text` when there is any;
 * - a child element named in `lists` is always an array; any other child is a value, or an array
 *   when the element repeats.
 *
 * Objects have no prototype, so no element or attribute name reaches `Object.prototype`.
 */
export type XmlValue = string | XmlObject | XmlValue[];
export type XmlObject = { [name: string]: XmlValue };

/** An element being read: its object, its text so far, and whether it has attributes or children. */
interface OpenElement {
  readonly name: string;
  readonly node: XmlObject;
  text: string;
  structured: boolean;
}

/**
 * Reads a whole XML document into the shape above, in one strict pass (saxes): a body that is not
 * well-formed XML (truncated, unbalanced, two roots, an undeclared entity) throws. Only XML's own
 * entities and character references are expanded: a DOCTYPE's declarations are never read, so no
 * entity expands into another or into a file. Returns the document as an object holding its root
 * element by name.
 */
export function readXmlDocument(body: string, lists: ReadonlySet<string>): XmlObject {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const document: OpenElement = { name: '', node: Object.create(null) as XmlObject, text: '', structured: true };
  const open: OpenElement[] = [document];
  let current = document;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const node = Object.create(null) as XmlObject;
    let structured = false;
    for (const name in tag.attributes) {
      node[`@${name}`] = tag.attributes[name];
      structured = true;
    }
    current = { name: tag.name, node, text: '', structured };
    open.push(current);
  });
  const addText = (text: string): void => {
    current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const element = open.pop() as OpenElement;
    current = open[open.length - 1];
    const text = element.text.trim();
    let value: XmlValue = text;
    if (element.structured) {
      if (text !== '') element.node['#text'] = text;
      value = element.node;
    }
    current.structured = true;
    // An element's own value is never an array: an array here is its siblings, listed or repeated.
    const siblings = current.node[element.name];
    if (Array.isArray(siblings)) siblings.push(value);
    else if (lists.has(element.name)) current.node[element.name] = [value];
    else current.node[element.name] = siblings === undefined ? value : [siblings, value];
  });
  parser.write(body).close();
  return document.node;
}
