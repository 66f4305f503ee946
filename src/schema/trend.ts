import * as z from 'zod/mini';
import { documentHead } from './document.js';

const Score = z.nullable(z.number());
const Point = { score: Score, level: z.nullable(z.string()), deltaFirst: Score, deltaPrevious: Score };

/** `kamcheck trend -f json` (SPEC §11): scores of one organisation at several dates, oldest first. */
export const Trend = z.object({
  ...documentHead('trend'),
  /** The maturity levels, for the titles of the level ids below. */
  levels: z.array(z.object({ id: z.string(), title: z.string(), min: z.number() })),
  dimensions: z.array(z.object({ id: z.string(), title: z.string() })),
  /** One per file, ordered by date; equal dates keep the order of the arguments. */
  points: z.array(
    z.object({
      file: z.string(),
      date: z.string(),
      overall: z.object(Point),
      dimensions: z.array(z.object({ id: z.string(), ...Point })),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), file: z.string(), line: z.int(), column: z.int() })),
});
export type Trend = z.infer<typeof Trend>;
export type TrendPoint = Trend['points'][number];
