/**
 * Check-in takes the candidate number in any case, as it takes the access code (issue 18 #12), and
 * a refusal says the same whether or not the candidate number exists, so it tells nobody who sits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type DemoSitting } from '../../demo/seed-demo.ts';
import { api } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

let engine: TestEngine;
let demo: DemoSitting;

beforeAll(async () => {
  engine = await createTestEngine();
  demo = (await seedDemo(engine.deps.db)).sitting!;
});
afterAll(() => engine.dispose());

const checkIn = (
  candidateNumber: string,
  dateOfBirth = demo.candidate.dateOfBirth,
  accessCode = demo.accessCode,
) => api(engine).post('/api/candidate/check-in', { accessCode, candidateNumber, dateOfBirth });

describe('check-in', () => {
  it('accepts the candidate number in lower case, with the access code in lower case too', async () => {
    const lower = await checkIn(
      demo.candidate.candidateNumber.toLowerCase(),
      undefined,
      demo.accessCode.toLowerCase(),
    );
    expect(lower.status).toBe(200);
    expect(lower.data.sessionToken).toBeTruthy();
  });

  it('refuses a wrong date of birth and an unknown candidate number alike', async () => {
    const wrongBirth = await checkIn(demo.candidate.candidateNumber, '01/01/2000');
    const unknown = await checkIn('P999999');
    expect(wrongBirth.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrongBirth.data).toEqual(unknown.data);
    expect(unknown.data.error.id).toBe('invalid_candidate_credentials');
  });
});
