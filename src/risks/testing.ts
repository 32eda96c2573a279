import type { RiskEvent } from './domain/risk.messages';

type RiskRecorded = Extract<RiskEvent, { type: 'risk-recorded' }>;

/**
 * The risks context's testing surface, for specs only (checked by .dependency-cruiser.cjs): the
 * sample risk its decider spec and the read model's spec both start from, a workforce risk
 * identified in 2019 and scored 4 x 4.
 */
export const riskRecorded = (data: Partial<RiskRecorded['data']> = {}): RiskRecorded => ({
  type: 'risk-recorded',
  data: {
    riskId: 'wseb-workforce-capacity',
    ownerPartnerId: 'wcc',
    category: 'workforce',
    title: 'Social work vacancies',
    description: 'Vacancy rates delay assessments',
    identifiedOn: '2019-01-10',
    likelihood: 4,
    impact: 4,
    nextReviewDue: '2019-04-10',
    ...data,
  },
});
