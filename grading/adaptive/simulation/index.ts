/** @module grading/adaptive/simulation — simulees, metrics, fixed-form comparison, generated pools. */
export { simulate, simulatedThetas, type Simulation, type SimulationOptions } from './simulate.ts';
export { runCat } from './run-cat.ts';
export { simulatedResponse } from './respond.ts';
export { catMetrics, squaredCorrelation, type CatMetrics, type SimulatedRun } from './metrics.ts';
export { blueprintDeviation } from './blueprint-balance.ts';
export { fixedFormOrder, compareWithFixedForm, type FixedFormComparison } from './fixed-form.ts';
export { generatePool, generatedBlueprint, GENERATED_TOPICS, GENERATED_LEVELS } from './generate-pool.ts';
