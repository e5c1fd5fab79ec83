/** One load generator process: receives its slice of the scenario over IPC and reports back. */
import { encodeResult } from './generators.ts';
import { runScenario, type ScenarioOptions } from './virtual-candidates.ts';

process.once('message', (options: ScenarioOptions) => {
  process.send!({ ready: true });
  process.once('message', (go: { startAt: number }) => run({ ...options, startAt: go.startAt }));
});

function run(options: ScenarioOptions) {
  const cpu0 = process.cpuUsage();
  runScenario(options)
    .then((result) => {
      const cpu = process.cpuUsage(cpu0);
      process.send!(encodeResult(result, (cpu.user + cpu.system) / 1e6));
    })
    .catch((error: unknown) => {
      console.error('load generator failed:', error);
      process.exit(1);
    });
}
