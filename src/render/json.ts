import type { Report } from '../schema/report.js';

/** The JSON report of SPEC §8, two-space indented. */
export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
