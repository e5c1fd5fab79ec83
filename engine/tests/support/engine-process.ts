/** Starts the engine as a separate process (as `npm start` does) for scale-out and crash tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './persistent-engine.ts';

export interface EngineProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `scripts/start.ts` as its own process; `nodeArgs` go to node (e.g. `--cpu-prof`). */
export function startEngineProcess(env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<EngineProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const port = Number(match[1]);
        resolve({
          child,
          port,
          url: `http://127.0.0.1:${port}`,
          output: () => output,
          kill: async (signal = 'SIGTERM') => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`engine exited with ${code}:\n${output}`)));
  });
}
