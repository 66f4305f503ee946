// TEMPORARY until main has the v1.1 report fields.
import type { Report as R1 } from '../schema/report.js';

type Level = string;
export type Report = Omit<R1, 'remedies' | 'overall'> & {
  overall: R1['overall'] & { cappedBy?: string[] };
  remedies: (R1['remedies'][number] & { phase?: 1 | 2 | 3; gain?: number | null; dimensionGain?: number | null })[];
  perspective?: string;
  roadmap?: {
    phase: number;
    remedies: string[];
    projected: { overall: number | null; level: Level | null; dimensions: Record<string, number | null> };
  }[];
  targets?: { id: string; target: number; score: number | null; gap: number | null; reachedInPhase: number | null }[];
  whatIf?: { id: string; value: unknown }[];
  comparison?: {
    baseline: { file: string; date: string | null };
    overall: { before: number | null; after: number | null; delta: number | null; levelBefore: string | null; levelAfter: string | null };
    dimensions: {
      id: string;
      before: number | null;
      after: number | null;
      delta: number | null;
      levelBefore: string | null;
      levelAfter: string | null;
    }[];
    remedies: { new: string[]; resolved: string[]; persisting: string[] };
    answers?: { id: string; before: unknown; after: unknown; delta: number | null }[];
  };
};
