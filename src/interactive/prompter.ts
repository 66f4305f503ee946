/**
 * The only way the assessment talks to a person. The real one (inquirer.ts) draws prompts on a
 * terminal; tests hand the flow a scripted one, so the interview logic runs without a terminal.
 */

/** Returned by any prompt when the user asks for the previous question (Esc, or a Back choice). */
export const BACK: unique symbol = Symbol('back');
export type Back = typeof BACK;

/** Thrown by any prompt on Ctrl-C (or when the terminal goes away): save and stop. */
export class Interrupted extends Error {
  override name = 'Interrupted';
  /** At a text prompt: what was typed but not yet submitted, so that the flow can keep it. */
  constructor(
    message: string,
    readonly typed = '',
  ) {
    super(message);
  }
}

export interface Choice<T> {
  value: T;
  name: string;
  /** Shown under the list while this choice is highlighted. */
  description?: string;
  /** Shown after the question once answered; the name when absent. */
  short?: string;
}

export interface SelectOptions<T> {
  message: string;
  /** `null` draws a separator line. */
  choices: (Choice<T> | null)[];
  default?: T;
}

export interface CheckboxOptions<T> {
  message: string;
  choices: (Choice<T> & { checked?: boolean })[];
}

export interface InputOptions {
  message: string;
  /** Which keys do what, shown under the question while it is asked. */
  hint?: string;
  /** Shown dimmed; Enter on an empty line returns it. */
  default?: string;
  /** true, or the message to show. */
  validate?: (value: string) => true | string;
}

export interface ConfirmOptions {
  message: string;
  default: boolean;
}

export interface Prompter {
  select<T>(o: SelectOptions<T>): Promise<T | Back>;
  checkbox<T>(o: CheckboxOptions<T>): Promise<T[] | Back>;
  input(o: InputOptions): Promise<string | Back>;
  confirm(o: ConfirmOptions): Promise<boolean | Back>;
  /** Lines shown between prompts (progress, guidance, the report). */
  print(text: string): void;
}
