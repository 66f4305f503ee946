import type { TeamStrings } from '../i18n/team.js';
import type { TeamReport } from '../schema/team.js';

// Sentences of the team report that every format shares, so that no message is written twice.

/** A heading word with its first letter in capitals (Chinese is left as it is). */
export const capital = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

export const groupName = (g: string | null, t: TeamStrings): string => g ?? t.noGroup;

const fmt1 = (n: number) => n.toFixed(1);
const signed = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(1)}`;

/** "8 respondents, grouped by role; and 2 customers". */
export function teamLine(doc: TeamReport, t: TeamStrings): string {
  const others = doc.perspectives.map((p) => t.others(p.respondents, t.who(p.id, p.title)));
  return [t.respondents(doc.respondents, t.by[doc.by]), ...others].join(zhJoin(doc) ? '；' : '; ');
}

const zhJoin = (doc: TeamReport) => doc.locale.startsWith('zh');

/** How each answer of a disputed question was given, and by which groups. */
export function answersLine(d: TeamReport['disputed'][number], t: TeamStrings, esc: (s: string) => string = (s) => s): string {
  return d.answers.map((a) => t.answeredBy(a.count, esc(a.label), a.groups.map((g) => esc(groupName(g, t))).join(t.listSep))).join(' · ');
}

/** "Strategy: sales 51.3 vs production 30.0, a gap of 21.3 points". */
export function gapLine(doc: TeamReport, g: TeamReport['gaps'][number], t: TeamStrings, esc: (s: string) => string = (s) => s): string {
  const title = doc.dimensions.find((d) => d.id === g.dimension)?.title ?? g.dimension;
  return t.gapLine(
    esc(title),
    fmt1(g.gap),
    esc(groupName(g.low.group, t)),
    fmt1(g.low.score),
    esc(groupName(g.high.group, t)),
    fmt1(g.high.score),
  );
}

/** "We rate Relationship 72.0, customers 41.0 (+31.0)"; null when either side has no score. */
export function perceptionLine(
  doc: TeamReport,
  p: TeamReport['perspectives'][number],
  d: TeamReport['perspectives'][number]['dimensions'][number],
  t: TeamStrings,
  esc: (s: string) => string = (s) => s,
): string | null {
  const ours = doc.dimensions.find((x) => x.id === d.id)?.score ?? null;
  if (ours === null || d.score === null || d.gap === null) return null;
  return t.perception(esc(d.title), fmt1(ours), esc(t.who(p.id, p.title)), fmt1(d.score), signed(d.gap));
}

export { signed };

/** `--compare`: before, now and Δ of the overall score and of each dimension, titled in the report's language. */
export function progressRows(doc: TeamReport, c: NonNullable<TeamReport['comparison']>, overall: string) {
  const n = (s: number | null) => (s === null ? '—' : fmt1(s));
  const row = (title: string, r: { before: number | null; after: number | null; delta: number | null }) => ({
    title,
    before: n(r.before),
    after: n(r.after),
    delta: r.delta === null ? '—' : signed(r.delta),
    fell: r.delta !== null && r.delta < 0,
  });
  return [row(overall, c.overall), ...c.dimensions.map((d) => row(doc.dimensions.find((x) => x.id === d.id)?.title ?? d.id, d))];
}

/** "New remedies (2): a, b" and "Resolved (1): c", remedies named by their titles. */
export function remedyChanges(
  c: NonNullable<TeamReport['comparison']>,
  p: { remediesNew: (n: number) => string; remediesResolved: (n: number) => string; colon: string; sep: string },
  none: string,
  id: (s: string) => string = (s) => s,
): string[] {
  const list = (ids: string[]) => (ids.length === 0 ? none : ids.map((x) => id(c.titles?.[x] ?? x)).join(p.sep));
  return [
    `${p.remediesNew(c.remedies.new.length)}${p.colon}${list(c.remedies.new)}`,
    `${p.remediesResolved(c.remedies.resolved.length)}${p.colon}${list(c.remedies.resolved)}`,
  ];
}
