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
      // With no 'message' listener left the IPC channel no longer holds the process open: a large
      // result still being written when the event loop empties was lost (the run failed with "load
      // generator exited with 0 before reporting" on a busy machine). Hold it until the write is done.
      process.channel?.ref();
      process.send!(encodeResult(result, (cpu.user + cpu.system) / 1e6), undefined, {}, () =>
        process.channel?.unref(),
      );
    })
    .catch((error: unknown) => {
      console.error('load generator failed:', error);
      process.exit(1);
    });
}
