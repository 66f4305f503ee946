import { describe, expect, it } from 'vitest';
import { dimensionQuestions, fired, type Overrides, scoreSet, worstOf } from './helpers/answer-sets.js';
import { modelFromFile } from './helpers/model.js';

// Every rule of the bundled questionnaire, tested on the answers it speaks about: on top of the
// best answer to every question (where no rule fires), one set of overrides where the rule fires and
// the closest set where it must not — usually the next answer up, or the same answers with the one
// option its title is about.
const model = modelFromFile('questionnaires/kam-five-pitfalls.yaml');
const worst = (...ids: string[]) => worstOf(model, ids);
const worstDim = (dim: string) => worstOf(model, dimensionQuestions(model, dim));
const allGoals = ['revenue-growth', 'share-of-wallet', 'lifetime-value', 'account-profit', 'tailored-solutions'];
const allKpis = ['revenue', 'share-of-wallet', 'account-profitability', 'retention', 'relationship-quality', 'cross-sell'];
const allSharing = ['account-workspace', 'solution-library', 'customer-news', 'handover'];

type Case = [fires: Overrides, not: Overrides];

const CASES: Record<string, Case> = {
  // strategy
  'no-exec-sponsor': [{ 'exec-sponsor': 'escalation-only' }, { 'exec-sponsor': 'some-accounts' }],
  'sponsors-on-few-accounts': [{ 'exec-sponsor': 'some-accounts' }, { 'exec-sponsor': 'most-accounts' }],
  'sponsors-not-engaged': [{ 'sponsor-engagement': 'courtesy-visits' }, { 'sponsor-engagement': 'plan-reviews' }],
  'kam-tactical-only': [{ 'kam-strategy-status': 'slogan' }, { 'kam-strategy-status': 'sales-targets' }],
  'kam-strategy-sales-targets': [{ 'kam-strategy-status': 'sales-targets' }, { 'kam-strategy-status': 'strategy-plan' }],
  'mindset-not-shared': [{ 'leadership-mindset': 'names-only' }, { 'leadership-mindset': 'names-and-why' }],
  // revenue alone, or nothing: fires; revenue plus one more goal of any kind (even the smallest): does not
  'goals-revenue-only': [{ 'kam-goals': ['revenue-growth'] }, { 'kam-goals': ['revenue-growth', 'tailored-solutions'] }],
  'selection-by-size': [{ 'selection-criteria': 'size-revenue' }, { 'selection-criteria': 'revenue-plus' }],
  'selection-mostly-revenue': [{ 'selection-criteria': 'revenue-plus' }, { 'selection-criteria': 'documented-criteria' }],
  'no-account-tiering': [{ 'account-tiers': 'list-only' }, { 'account-tiers': 'tiers-in-name' }],
  'tiers-without-difference': [{ 'account-tiers': 'tiers-in-name' }, { 'account-tiers': 'tiers-with-service' }],
  'concentration-unmanaged': [{ 'customer-concentration': 'known-unmanaged' }, { 'customer-concentration': 'reported' }],
  'no-written-account-plans': [{ 'account-plans': 'in-head' }, { 'account-plans': 'annual-template' }],
  'plans-box-filling': [{ 'account-plans': 'annual-template' }, { 'account-plans': 'reviewed-plan' }],
  'thin-account-analysis': [
    { 'account-analysis': ['financial-analysis', 'value-chain'] },
    { 'account-analysis': ['financial-analysis', 'value-chain', 'our-competitors'] },
  ],
  'no-value-proposition': [{ 'value-proposition': 'generic' }, { 'value-proposition': 'per-account-qualitative' }],
  'value-not-quantified': [{ 'value-proposition': 'per-account-qualitative' }, { 'value-proposition': 'quantified' }],
  'plans-disconnected': [{ 'plan-alignment': 'informal' }, { 'plan-alignment': 'planning-input' }],
  'short-term-horizon': [{ 'long-term-horizon': 'one-year' }, { 'long-term-horizon': 'two-three-years' }],
  'investment-cut-in-downturn': [{ 'downturn-behaviour': 'cut-first' }, { 'downturn-behaviour': 'cut-with-rest' }],
  // organisation
  'no-kam-unit': [{ 'has-kam-unit': false }, { 'has-kam-unit': true, 'kam-unit-mandate': 'order-handling' }],
  'kam-unit-weak-mandate': [{ 'kam-unit-mandate': 'sales-coordination' }, { 'kam-unit-mandate': 'exec-reporting' }],
  'no-account-teams': [{ 'account-teams': 'informal' }, { 'account-teams': 'named-members' }],
  'teams-in-name-only': [{ 'account-teams': 'named-members' }, { 'account-teams': 'formal-teams' }],
  'few-functions-involved': [{ 'functions-involved': 'two-three' }, { 'functions-involved': 'four-five' }],
  'kam-overloaded': [{ 'accounts-per-kam': 'nine-fifteen' }, { 'accounts-per-kam': 'six-eight' }],
  'no-governance-rhythm': [{ 'governance-rhythm': 'sales-meetings' }, { 'governance-rhythm': 'quarterly-review' }],
  'slow-customer-processes': [{ 'customer-process': 'case-by-case' }, { 'customer-process': 'partial-fast-track' }],
  'fast-track-partial': [{ 'customer-process': 'partial-fast-track' }, { 'customer-process': 'redesigned' }],
  'silos-rd-production-sales': [{ 'rd-production-sales': 'discussed' }, { 'rd-production-sales': 'assigned' }],
  'no-shared-kpis': [{ 'shared-result-kpis': ['production', 'quality'] }, { 'shared-result-kpis': ['production', 'quality', 'service'] }],
  // nothing ticked fires; equity ties alone are coordination too (seed 2.4)
  'external-chain-uncoordinated': [{ 'external-value-chain': [] }, { 'external-value-chain': ['equity-ties'] }],
  // people
  'people-collapsed': [
    worstDim('people'),
    { ...worstDim('people'), 'kam-competency-model': 'model-360-development', 'kam-evaluation': 'team-recognised' },
  ],
  'no-competency-model': [{ 'kam-competency-model': 'job-description' }, { 'kam-competency-model': 'model-unused' }],
  'competency-model-unused': [{ 'kam-competency-model': 'model-unused' }, { 'kam-competency-model': 'model-for-selection' }],
  'kam-not-proactive': [{ 'kam-proposals': 'one' }, { 'kam-proposals': 'several' }],
  'kam-not-leading-team': [{ 'kam-team-lead': 'manager-decides' }, { 'kam-team-lead': 'kam-chairs' }],
  'no-kam-career': [{ 'kam-career-path': 'title-only' }, { 'kam-career-path': 'career-ladder' }],
  'too-little-kam-training': [{ 'kam-training-days': 2.5 }, { 'kam-training-days': 3 }],
  'evaluation-revenue-only': [{ 'kam-evaluation': 'revenue-receivables' }, { 'kam-evaluation': 'revenue-margin-development' }],
  'evaluation-mostly-short-term': [{ 'kam-evaluation': 'revenue-margin-development' }, { 'kam-evaluation': 'long-term-scorecard' }],
  'short-term-individual-rewards': [{ 'kam-incentives': 'annual-individual' }, { 'kam-incentives': 'development-goals' }],
  'rewards-individual-only': [{ 'kam-incentives': 'development-goals' }, { 'kam-incentives': 'long-term-team' }],
  'kam-low-grade': [{ 'kam-grade': 'mixed' }, { 'kam-grade': 'equal' }],
  'kam-word-not-honoured': [{ 'kam-commitments': 'often' }, { 'kam-commitments': 'once-or-twice' }],
  'kam-isolated': [{ 'kam-culture': 'once' }, { 'kam-culture': 'quarterly' }],
  'kam-turnover': [{ 'kam-retention': 69 }, { 'kam-retention': 70 }],
  // systems
  'no-crm-foundation': [{ 'crm-in-use': 'orders-only' }, { 'crm-in-use': 'contacts-opportunities' }],
  'crm-data-untrusted': [{ 'crm-data-quality': 'four-six' }, { 'crm-data-quality': 'seven-eight' }],
  'crm-not-for-kams': [{ 'crm-designed-for-kam': 'lookup' }, { 'crm-designed-for-kam': 'prepare-work' }],
  'frontline-not-recording': [{ 'frontline-info': 'quarter-half' }, { 'frontline-info': 'half-most' }],
  'budget-not-account-based': [{ 'kam-budgeting': 'revenue-only' }, { 'kam-budgeting': 'revenue-margin' }],
  'account-profit-unknown': [{ 'account-profitability': 'gross-margin' }, { 'account-profitability': 'estimated-once' }],
  'cost-to-serve-rough': [{ 'account-profitability': 'estimated-once' }, { 'account-profitability': 'yearly' }],
  'receivables-unmanaged': [{ 'receivables-risk': 'sales-chases' }, { 'receivables-risk': 'tracked' }],
  'no-knowledge-sharing': [
    { 'knowledge-sharing': ['customer-news', 'handover'] },
    { 'knowledge-sharing': ['customer-news', 'handover', 'solution-library'] },
  ],
  // revenue and profit together are two measures: only revenue alone (or nothing) fires
  'no-kam-performance-measures': [{ 'kam-kpis': ['revenue'] }, { 'kam-kpis': ['revenue', 'account-profitability'] }],
  'relationship-quality-unmeasured': [
    { 'kam-kpis': allKpis.filter((k) => k !== 'relationship-quality') },
    { 'kam-kpis': ['relationship-quality'] },
  ],
  // relationship
  'wining-and-dining': [{ 'relationship-means': 'forty-seventy' }, { 'relationship-means': 'fifteen-forty' }],
  'bow-tie-contact': [{ 'contacts-count': 'one-three' }, { 'contacts-count': 'four-six' }],
  'contacts-uncoordinated': [{ 'contact-pattern': 'functional-pairs' }, { 'contact-pattern': 'diamond' }],
  'buying-roles-unmapped': [{ 'buying-roles-map': 'contact-list' }, { 'buying-roles-map': 'some-accounts' }],
  'no-joint-reviews': [{ 'joint-reviews': 'ad-hoc' }, { 'joint-reviews': 'annual-purchasing' }],
  'reviews-with-purchasing-only': [{ 'joint-reviews': 'annual-purchasing' }, { 'joint-reviews': 'regular-scorecard' }],
  'one-way-information': [
    { 'info-sharing': ['cost-quality-data', 'strategy-roadmap'] },
    { 'info-sharing': ['cost-quality-data', 'strategy-roadmap', 'early-involvement'] },
  ],
  'transactional-relationship': [{ 'value-chain-partnership': 'preferred-supplier' }, { 'value-chain-partnership': 'long-term-agreement' }],
  'no-conflict-rules': [{ 'conflict-rules': 'standard-terms' }, { 'conflict-rules': 'contract-clauses' }],
  'customer-success-untracked': [{ 'customer-success-metric': false }, { 'customer-success-metric': true }],
  'no-customer-site-visits': [{ 'customer-visits-ops': 'once-twice' }, { 'customer-visits-ops': 'quarterly' }],
  'tender-unprepared': [{ 'soe-procurement': 'reactive' }, { 'soe-procurement': 'prepared' }],
  // cross-cutting
  'authority-by-rank': [{ 'resource-authority': 'personal-ties' }, { 'resource-authority': 'some-rules' }],
  'kam-as-fad': [{ 'kam-investment': 'kickoff-training' }, { 'kam-investment': 'headcount-only' }],
  'structure-without-spirit': [worstDim('people'), { ...worstDim('people'), 'has-kam-unit': false }],
  'strategy-without-execution': [
    worstDim('organization'),
    { ...worstDim('organization'), ...worst('kam-strategy-status', 'exec-sponsor', 'account-plans') },
  ],
  'unverified-answers': [{ 'relationship-means': 'unknown' }, { 'relationship-means': 'over-seventy' }],
};

// Second ways to fire, where a rule's condition has more than one branch.
const MORE: [string, Overrides, Overrides][] = [
  ['goals-revenue-only', { 'kam-goals': [] }, { 'kam-goals': ['account-profit'] }],
  ['bow-tie-contact', { 'contact-pattern': 'few-contacts' }, { 'contact-pattern': 'functional-pairs' }],
  [
    'authority-by-rank',
    { 'resource-authority': 'some-rules', 'kam-commitments': 'often' },
    { 'resource-authority': 'some-rules', 'kam-commitments': 'once-or-twice' },
  ],
  ['structure-without-spirit', worstDim('relationship'), { ...worstDim('relationship'), 'has-kam-unit': false }],
  [
    'strategy-without-execution',
    worstDim('systems'),
    { ...worstDim('systems'), ...worst('kam-strategy-status', 'exec-sponsor', 'account-plans') },
  ],
  ['unverified-answers', { 'crm-data-quality': 'unknown' }, { 'crm-data-quality': 'under-four' }],
  ['unverified-answers', { 'kam-commitments': 'unknown' }, { 'kam-commitments': 'no-authority' }],
  ['kam-as-fad', { 'kam-investment': 'hospitality-budget' }, { 'kam-investment': 'headcount-only' }],
];

describe('every rule of the bundled questionnaire tests what it says', () => {
  it('has a firing and a closest non-firing answer set for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(model.rules.map((r) => r.id).sort());
  });

  it('fires nothing on the baseline (the best answer everywhere)', () => {
    expect(fired(scoreSet(model, 'best'))).toEqual([]);
  });

  const all = [...Object.entries(CASES).map(([id, [f, n]]) => [id, f, n] as const), ...MORE];
  it.each(all)('%s', (id, fires, not) => {
    expect(fired(scoreSet(model, 'best', fires))).toContain(id);
    expect(fired(scoreSet(model, 'best', not))).not.toContain(id);
  });

  it('never fires on a question nobody answered', () => {
    const unanswered = Object.fromEntries(model.questions.map((q) => [q.question.id, null]));
    expect(fired(scoreSet(model, 'best', unanswered))).toEqual([]);
  });

  it('counts goals, measures and sharing by their options, not by a score threshold', () => {
    // every goal but revenue is enough; every measure but revenue is enough
    for (const g of allGoals.filter((x) => x !== 'revenue-growth'))
      expect(fired(scoreSet(model, 'best', { 'kam-goals': [g] })), g).not.toContain('goals-revenue-only');
    for (const k of allKpis.filter((x) => x !== 'revenue'))
      expect(fired(scoreSet(model, 'best', { 'kam-kpis': [k] })), k).not.toContain('no-kam-performance-measures');
    for (const k of allSharing.slice(0, 2))
      expect(fired(scoreSet(model, 'best', { 'knowledge-sharing': [k] })), k).not.toContain('no-knowledge-sharing');
  });
});
