// Text from input files reaches the terminal in messages and reports. These make it harmless there:
// a control character is shown as a visible picture instead of acting on the terminal.

// C0 controls, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same, less line feed and tab, which a stream of lines needs, and with a colour code (SGR) matched whole.
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const STREAM = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The visible stand-in for a control character: its control picture (␛ for escape), else U+FFFD. */
function picture(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  return '\ufffd';
}

/** Text for one line of a message: every control character, line breaks included, shown rather than obeyed. */
export const oneLine = (s: string): string => s.replace(CONTROLS, picture);

/** Cut to at most `max` characters, marking the cut. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Text on its way to a terminal: line feeds and tabs stay, every other control character is shown as a
 * picture. With `colour`, the colour codes kamcheck writes itself (ESC [ … m) pass; any other sequence does not.
 */
export const streamSafe = (s: string, colour: boolean): string =>
  s.replace(STREAM, (m) => (m.length > 1 ? (colour ? m : oneLine(m)) : picture(m)));
