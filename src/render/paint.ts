// Terminal colours without a colour library: the few SGR styles kamcheck uses, chained as `c.red.bold(text)`.
// The output is byte for byte what chalk gives at its basic level (16 colours): a style closed inside the text is
// opened again, and styles are closed before each line break and opened after it, so that a pager or a `head`
// never carries a colour on to the next line. Whether to colour at all is decided elsewhere (render/color.ts).

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const;

type Style = keyof typeof CODES;

/** A text styler: call it on a text, or take a property for one more style. */
export type Paint = ((text: string | number) => string) & { readonly [S in Style]: Paint };

interface Layer {
  open: string;
  close: string;
  openAll: string;
  closeAll: string;
  parent: Layer | undefined;
}

function painter(layer: Layer | undefined): Paint {
  const apply = (input: string | number): string => {
    let text = String(input);
    if (layer === undefined || text === '') return text;
    if (text.includes('\u001b')) {
      for (let l: Layer | undefined = layer; l !== undefined; l = l.parent) text = text.split(l.close).join(`${l.close}${l.open}`);
    }
    if (text.includes('\n')) text = text.replace(/\r?\n/g, (eol) => `${layer.closeAll}${eol}${layer.openAll}`);
    return `${layer.openAll}${text}${layer.closeAll}`;
  };
  // Each chain (c.red, c.red.bold, …) is made once, on first use, and kept.
  const chained: Partial<Record<Style, Paint>> = {};
  for (const name of Object.keys(CODES) as Style[]) {
    Object.defineProperty(apply, name, {
      get: () => {
        const known = chained[name];
        if (known) return known;
        const [on, off] = CODES[name];
        const open = `\u001b[${on}m`;
        const close = `\u001b[${off}m`;
        const next = painter({
          open,
          close,
          openAll: `${layer?.openAll ?? ''}${open}`,
          closeAll: `${close}${layer?.closeAll ?? ''}`,
          parent: layer,
        });
        chained[name] = next;
        return next;
      },
    });
  }
  return apply as Paint;
}

/** Without colour, every chain is one styler that gives a text back as it is. */
function plain(): Paint {
  const apply = (input: string | number): string => String(input);
  for (const name of Object.keys(CODES)) Object.defineProperty(apply, name, { value: apply });
  return apply as Paint;
}

const painters = new Map<boolean, Paint>();

/** A styler that colours when `color` is true and otherwise gives every text back unchanged. */
export function makePaint(color: boolean): Paint {
  let p = painters.get(color);
  if (!p) {
    p = color ? painter(undefined) : plain();
    painters.set(color, p);
  }
  return p;
}
