const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML elements and quoted attributes: test titles and error messages are arbitrary. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** `html\`…\`` with every interpolation escaped, except values already rendered by `raw`. */
export class Raw {
  readonly html: string;
  constructor(html: string) {
    this.html = html;
  }
}

export const raw = (html: string) => new Raw(html);

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((part) => (part instanceof Raw ? part.html : esc(part))).join('');
    out += strings[i + 1] ?? '';
  });
  return new Raw(out);
}
