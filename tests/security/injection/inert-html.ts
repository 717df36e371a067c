/** Elements a notification may use: text formatting and links, none that runs or loads anything. */
const TEXT_ELEMENTS = new Set(
  [
    'html',
    'head',
    'body',
    'title',
    'p',
    'a',
    'ul',
    'ol',
    'li',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'span',
    'div',
  ].concat(['table', 'tr', 'td', 'th', 'h1', 'h2', 'h3']),
);
const TAG = /<\s*\/?\s*([a-zA-Z][\w:-]*)([^>]*)>/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decode = (text: string) =>
  text.replace(ENTITY, (_, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return NAMED[entity.toLowerCase()] ?? entity;
  });

/**
 * What makes an HTML e-mail body unsafe; [] when nothing does. Hostile `texts` a user typed must be shown
 * as text (present once the markup is stripped and entities decoded) and never become markup: no element
 * beyond text formatting and links, no event-handler attribute, no `javascript:` URL.
 */
export function htmlInjectionProblems(html: string, texts: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [tag, name, attributes] of html.matchAll(TAG)) {
    if (!TEXT_ELEMENTS.has(name!.toLowerCase())) problems.push(`an <${name}> element: ${tag}`);
    if (/\son[a-z]+\s*=/i.test(attributes!)) problems.push(`an event handler: ${tag}`);
    if (/javascript:/i.test(attributes!)) problems.push(`a javascript: URL: ${tag}`);
  }
  const shown = decode(html.replace(TAG, ''));
  for (const text of texts)
    if (!shown.includes(text)) problems.push(`${JSON.stringify(text)} is not shown as text`);
  return problems;
}
