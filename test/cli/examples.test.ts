import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { riskAssessmentProblems } from '../../src/assessment/submission';
import { setPopulationRequestSchema } from '../../src/incidents/responder-requests';
import { noticeFactsSchema } from '../../src/notification/notice-facts';
import { parseIncidentFacts } from '../../src/obligations/errors';

/** The example files the README points newcomers to must stay valid input. */

function example(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8'));
}

describe('the example input files', () => {
  it('facts.json is breach facts the obligations engine reads', () => {
    expect(() => parseIncidentFacts(example('facts.json'))).not.toThrow();
  });

  it('assessment.json is a complete risk assessment', () => {
    expect(riskAssessmentProblems(example('assessment.json'))).toEqual([]);
  });

  it('population.json is an affected population as incidents population takes it', () => {
    const request = { actorId: 'p.nakamura', role: 'privacy-officer', ...(example('population.json') as object) };

    expect(setPopulationRequestSchema.safeParse(request).success).toBe(true);
  });

  it('notice.json is the notice text notify start takes', () => {
    expect(noticeFactsSchema.safeParse(example('notice.json')).error).toBeUndefined();
  });
});
