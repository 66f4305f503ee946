import { buildModel, type Model, sameValue } from '../core/model.js';
import { type Diagnostic, diag, hasErrors } from '../diagnostics.js';
import type { Text } from '../schema/common.js';
import { type Option, Questionnaire } from '../schema/questionnaire.js';
import { checkCondition } from './check-conditions.js';
import { closest, issuesToDiagnostics, PARSE_OPTIONS } from './issues.js';
import { readYaml } from './read.js';
import { fieldName, locate, type Path, type Source } from './yaml.js';

export interface LoadedQuestionnaire {
  model: Model;
  source: Source;
}

/** Read, shape-check and cross-check a questionnaire. Every problem is returned, not just the first. */
export function loadQuestionnaire(file: string, bytes: Uint8Array): { loaded?: LoadedQuestionnaire; diagnostics: Diagnostic[] } {
  // Positions are needed only to report problems: the data is read alone, the positions when a message asks.
  const { source, diagnostics } = readYaml(file, bytes, false);
  return source ? questionnaireFromSource(source) : { diagnostics };
}

export function questionnaireFromSource(source: Source): { loaded?: LoadedQuestionnaire; diagnostics: Diagnostic[] } {
  const parsed = Questionnaire.safeParse(source.data, PARSE_OPTIONS);
  if (!parsed.success) return { diagnostics: issuesToDiagnostics(source, parsed.error.issues) };
  const model = buildModel(parsed.data);
  const diagnostics = checkQuestionnaire(model, source);
  return hasErrors(diagnostics) ? { diagnostics } : { loaded: { model, source }, diagnostics };
}

/** The checks a schema cannot express: references, uniqueness, ordering, locales. */
export function checkQuestionnaire(model: Model, source: Source): Diagnostic[] {
  const doc = model.doc;
  const out: Diagnostic[] = [];
  const at = (p: Path, key = false) => locate(source, p, key);
  const locales = doc.locales;

  const text = (t: Text | undefined, p: Path) => {
    if (t === undefined || typeof t === 'string') return;
    for (const l of locales) if (!(l in t)) out.push(diag('missing-locale', { field: fieldName(p), locale: l }, at(p)));
    for (const l of Object.keys(t))
      if (!locales.includes(l)) out.push(diag('undeclared-locale', { locale: l, locales: locales.join(', ') }, at([...p, l], true)));
  };
  const unique = (ids: string[], path: (i: number) => Path, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) out.push(diag('duplicate-id', { what, id }, at(path(i))));
      seen.add(id);
    });
  };
  const options = (opts: Option[], p: Path, needScores: boolean, what: 'scale' | 'question') => {
    opts.forEach((o, i) => {
      text(o.label, [...p, i, 'label']);
      text(o.description, [...p, i, 'description']);
      if (o.value === 'na') out.push(diag('na-reserved', {}, at([...p, i, 'value'])));
      if (opts.slice(0, i).some((x) => sameValue(x.value, o.value)))
        out.push(diag('duplicate-option', { value: String(o.value) }, at([...p, i, 'value'])));
    });
    const scored = opts.filter((o) => o.score !== undefined).length;
    if (what === 'scale' && scored > 0 && scored < opts.length)
      out.push(diag('scale-scores-partial', { given: scored, total: opts.length }, at(p)));
    if (needScores) {
      opts.forEach((o, i) => {
        if (o.score === undefined) out.push(diag('option-score-missing', {}, at([...p, i])));
      });
    }
  };

  unique(locales, (i) => ['locales', i], 'locale');
  text(doc.title, ['title']);
  text(doc.description, ['description']);

  unique(
    doc.levels.map((l) => l.id),
    (i) => ['levels', i, 'id'],
    'level',
  );
  doc.levels.forEach((l, i) => {
    text(l.title, ['levels', i, 'title']);
    text(l.description, ['levels', i, 'description']);
    const prev = doc.levels[i - 1];
    if (i === 0 && l.min !== 0) out.push(diag('first-level-min', { min: l.min }, at(['levels', 0, 'min'])));
    if (prev && l.min <= prev.min) out.push(diag('levels-ascending', { min: l.min, prev: prev.min }, at(['levels', i, 'min'])));
  });

  for (const [name, scale] of Object.entries(doc.scales ?? {})) options(scale.options, ['scales', name, 'options'], false, 'scale');

  const perspectives = model.perspectives.map((x) => x.id);
  unique(perspectives, (i) => ['perspectives', i, 'id'], 'perspective');
  (doc.perspectives ?? []).forEach((x, i) => {
    text(x.title, ['perspectives', i, 'title']);
    text(x.description, ['perspectives', i, 'description']);
  });
  const knownPerspective = (id: string, p: Path, key = false) => {
    if (perspectives.includes(id)) return true;
    out.push(diag('unknown-perspective', { id, hint: closest(id, perspectives) ?? '', known: perspectives.join(', ') }, at(p, key)));
    return false;
  };

  unique(
    doc.dimensions.map((d) => d.id),
    (i) => ['dimensions', i, 'id'],
    'dimension',
  );
  unique(
    model.questions.map((q) => q.question.id),
    (i) => {
      const q = model.questions[i];
      return ['dimensions', q?.dimensionIndex ?? 0, 'questions', q ? q.dimension.questions.indexOf(q.question) : 0, 'id'];
    },
    'question',
  );
  if (doc.dimensions.some((d) => d.id === 'overall')) {
    out.push(diag('reserved-id', { id: 'overall' }, at(['dimensions', doc.dimensions.findIndex((d) => d.id === 'overall'), 'id'])));
  }

  doc.dimensions.forEach((d, di) => {
    text(d.title, ['dimensions', di, 'title']);
    text(d.description, ['dimensions', di, 'description']);
    d.questions.forEach((q, qi) => {
      const p: Path = ['dimensions', di, 'questions', qi];
      const info = model.byId.get(q.id);
      text(q.text, [...p, 'text']);
      text(q.help, [...p, 'help']);
      const scored = (q.weight ?? 1) > 0;
      const audience = q.audience ?? [perspectives[0] as string];
      q.audience?.forEach((a, k) => {
        knownPerspective(a, [...p, 'audience', k]);
        if (q.audience?.indexOf(a) !== k) out.push(diag('duplicate-id', { what: 'perspective', id: a }, at([...p, 'audience', k])));
      });
      for (const [persp, w] of Object.entries(q.as ?? {})) {
        if (knownPerspective(persp, [...p, 'as', persp], true) && !audience.includes(persp))
          out.push(diag('as-not-in-audience', { id: persp }, at([...p, 'as', persp], true)));
        text(w.text, [...p, 'as', persp, 'text']);
        text(w.help, [...p, 'as', persp, 'help']);
      }
      if (q.skippedScore !== undefined) {
        if (!q.when) out.push(diag('skipped-score-needs-when', {}, at([...p, 'skippedScore'], true)));
        else if (!scored || q.type === 'text') out.push(diag('skipped-score-unscored', {}, at([...p, 'skippedScore'], true)));
      }
      switch (q.type) {
        case 'scale':
          if (!doc.scales || !Object.hasOwn(doc.scales, q.scale)) {
            const hint = closest(q.scale, Object.keys(doc.scales ?? {})) ?? '';
            out.push(diag('unknown-scale', { id: q.scale, hint }, at([...p, 'scale'])));
          }
          break;
        case 'choice':
        case 'multi':
          options(q.options, [...p, 'options'], scored, 'question');
          break;
        case 'number':
          text(q.unit, [...p, 'unit']);
          if (q.min !== undefined && q.max !== undefined && q.min > q.max)
            out.push(diag('min-above-max', { min: q.min, max: q.max }, at([...p, 'max'])));
          if (scored && !q.scoring) out.push(diag('scoring-missing', {}, at(p)));
          if (q.scoring && 'from' in q.scoring && q.scoring.from === q.scoring.to)
            out.push(diag('scoring-flat', {}, at([...p, 'scoring'])));
          // A score is (answer − from) / (to − from): a span past the largest number makes every score NaN.
          else if (q.scoring && 'from' in q.scoring && !Number.isFinite(q.scoring.to - q.scoring.from))
            out.push(diag('scoring-span', {}, at([...p, 'scoring'])));
          if (q.scoring && 'bands' in q.scoring) {
            q.scoring.bands.forEach((b, i, all) => {
              const prev = all[i - 1];
              if (prev && b.min <= prev.min)
                out.push(diag('bands-ascending', { min: b.min, prev: prev.min }, at([...p, 'scoring', 'bands', i, 'min'])));
            });
          }
          break;
        case 'text':
          if ((q.weight ?? 0) > 0) out.push(diag('text-weight', {}, at([...p, 'weight'])));
          break;
      }
      if (q.when && info) out.push(...checkCondition(q.when, [...p, 'when'], { before: info.index, source, model }));
    });
  });
  if (!model.questions.some((q) => q.scored)) out.push(diag('nothing-scored', {}, at(['dimensions'])));

  const rules = doc.rules ?? [];
  unique(
    rules.map((r) => r.id),
    (i) => ['rules', i, 'id'],
    'rule',
  );
  rules.forEach((r, i) => {
    const p: Path = ['rules', i];
    for (const key of ['title', 'why', 'horizon'] as const) text(r[key], [...p, key]);
    r.actions.forEach((a, k) => {
      text(a, [...p, 'actions', k]);
    });
    if (r.dimension !== undefined && !doc.dimensions.some((d) => d.id === r.dimension)) {
      const hint =
        closest(
          r.dimension,
          model.dimensions.map((d) => d.id),
        ) ?? '';
      out.push(diag('unknown-dimension', { id: r.dimension, hint }, at([...p, 'dimension'])));
    }
    if (r.cap !== undefined && r.dimension === undefined) out.push(diag('cap-needs-dimension', {}, at([...p, 'cap'])));
    out.push(...checkCondition(r.when, [...p, 'when'], { source, model }));
  });
  return out;
}
