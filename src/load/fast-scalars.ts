// What a plain scalar means, as the `yaml` library resolves it (YAML 1.2 core schema), for the fast reader
// (src/load/fast-yaml.ts); and how the reader gives up on a file it cannot read as the library would.

export class GiveUp extends Error {}
export const giveUp = (): never => {
  throw new GiveUp();
};

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const OTHER_NUMBER = /^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)$|\.(?:nan|NaN|NAN)$)/;

/** Whether a plain scalar that starts with character code `c` may be a null, a boolean or a number. */
const mayNotBeText = (c: number, length: number): boolean =>
  // ~ . + - and digits; n N t T f F only as long as "false" (null, true, false and their capitalised forms).
  c === 126 ||
  c === 46 ||
  c === 43 ||
  c === 45 ||
  (c >= 48 && c <= 57) ||
  (length <= 5 && (c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70));

export function plainValue(s: string): unknown {
  // Most scalars are words, which no pattern below matches: they are taken as they are without trying each.
  if (s !== '' && !mayNotBeText(s.charCodeAt(0), s.length)) return s;
  if (NULL.test(s)) return null;
  if (TRUE.test(s)) return true;
  if (FALSE.test(s)) return false;
  if (OTHER_NUMBER.test(s)) giveUp();
  if (INT.test(s) || FLOAT.test(s)) {
    const n = Number(s);
    if (!Number.isSafeInteger(n) && INT.test(s)) giveUp();
    return n;
  }
  return s;
}

/** A key that the yaml library turns into the same object key: not null, not a number written another way (`1.0`, `True`). */
export const plainKey = (key: string): boolean => {
  const v = plainValue(key);
  return key !== '__proto__' && v !== null && String(v) === key;
};
