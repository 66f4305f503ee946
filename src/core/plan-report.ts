import type { Model } from './model.js';
import { type Phase, plan } from './plan.js';
import { round } from './report.js';
import type { Result } from './score.js';

const r1 = (n: number | null) => (n === null ? null : round(n, 1));

export interface PlanFields {
  remedy(id: string): { phase: Phase; gain: number | null; dimensionGain: number | null };
  roadmap: {
    phase: Phase;
    remedies: string[];
    projected: { overall: number | null; level: string | null; dimensions: Record<string, number | null> };
  }[];
  targets: { id: string; target: number; score: number | null; gap: number; reachedInPhase: Phase | null }[];
}

/** The planning fields of a JSON report (SPEC §12), rounded as reports print them. */
export function planFields(model: Model, result: Result, targets: Readonly<Record<string, number>>): PlanFields {
  const p = plan(model, result, targets);
  return {
    remedy: (id) => {
      const r = p.remedies.get(id);
      return { phase: r?.phase ?? 2, gain: r1(r?.gain ?? null), dimensionGain: r1(r?.dimensionGain ?? null) };
    },
    roadmap: p.roadmap.map((ph) => ({
      phase: ph.phase,
      remedies: ph.remedies,
      projected: {
        overall: r1(ph.projected.overall.score),
        level: ph.projected.overall.level?.id ?? null,
        dimensions: Object.fromEntries(ph.projected.dimensions.map((d) => [d.dimension.id, r1(d.score)])),
      },
    })),
    targets: p.targets,
  };
}
