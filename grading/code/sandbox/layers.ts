/**
 * Security layers of a sandbox child and the command line that applies them. Bubblewrap is detected
 * once at start; the pool logs which layers are active.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let bwrapPath: string | null | undefined;
/** The hardening every child runs first (module deny-list, no network globals); children import it. */
const HARDEN_CHILD = fileURLToPath(new URL('./harden-child.mjs', import.meta.url));

/** Path of a working `bwrap`, or null (absent, or user namespaces refused by the host). */
export function detectBubblewrap(): string | null {
  if (bwrapPath !== undefined) return bwrapPath;
  bwrapPath = null;
  if (process.env.GRADER_NO_BWRAP === '1') return null;
  for (const candidate of ['/usr/bin/bwrap', '/bin/bwrap', '/usr/local/bin/bwrap']) {
    if (!existsSync(candidate)) continue;
    try {
      execFileSync(candidate, [...bwrapArgs([]), '--', realpathSync(process.execPath), '-e', '0'], {
        stdio: 'ignore',
        timeout: 5_000,
        env: {},
      });
      bwrapPath = candidate;
    } catch {
      /* present but not usable here (no user namespaces) */
    }
    break;
  }
  return bwrapPath;
}

/**
 * bwrap options: every namespace unshared (network too), empty environment, read-only binds only.
 * The private /tmp comes before the binds of the runtime package and the child script, so those stay
 * visible when the checkout itself lives under /tmp.
 */
function bwrapArgs(readOnly: string[]): string[] {
  const args = ['--unshare-all', '--clearenv', '--die-with-parent', '--new-session', '--cap-drop', 'ALL'];
  for (const dir of ['/usr', '/lib', '/lib64', '/lib32', '/bin']) {
    if (existsSync(dir)) args.push('--ro-bind', dir, dir);
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--dir', '/sandbox');
  const node = realpathSync(process.execPath);
  if (!node.startsWith('/usr/')) args.push('--ro-bind', node, node);
  for (const p of readOnly) args.push('--ro-bind', p, p);
  args.push('--chdir', '/sandbox');
  return args;
}

export interface ChildCommand {
  command: string;
  args: string[];
  /** Layers applied, for the start-up log line. */
  layers: string[];
}

export interface ChildSpec {
  /** The child's entry script (plain .mjs). */
  script: string;
  /** Folders and files the child may read (the permission model's --allow-fs-read and bwrap's binds). */
  readable: string[];
  /** Extra node flags. */
  nodeFlags: string[];
  /** Arguments passed to the script. */
  scriptArgs: string[];
  /** Use Node's permission model (off for children that need native addons). */
  permissionModel: boolean;
}

/**
 * Sandbox children run at a lower CPU priority than the engine (nice 10, or GRADER_NICE): scoring a
 * code task can wait a second, a candidate's answer acknowledgement in a live sitting cannot. On two
 * cores a fresh Python interpreter per submission (~190 ms of CPU) otherwise competes with delivery.
 */
const NICE = '/usr/bin/nice';
function niceness(): number {
  const value = Number(process.env.GRADER_NICE ?? 10);
  return Number.isInteger(value) && value >= 0 && value <= 19 ? value : 10;
}

function withLowerPriority(command: ChildCommand): ChildCommand {
  const level = niceness();
  if (level === 0 || !existsSync(NICE)) return command;
  return {
    // nice execs the command in place: the pid the pool kills is still the child's.
    command: NICE,
    args: ['-n', String(level), command.command, ...command.args],
    layers: [...command.layers, `lower CPU priority (nice ${level})`],
  };
}

/** Builds the command that starts a child with every available layer. */
export function childCommand(spec: ChildSpec): ChildCommand {
  const node = realpathSync(process.execPath);
  const readable = [...new Set([spec.script, HARDEN_CHILD, ...spec.readable].map((p) => realpathSync(p)))];
  const flags = [
    '--no-node-snapshot',
    '--disallow-code-generation-from-strings',
    '--no-warnings',
    ...spec.nodeFlags,
  ];
  const layers = [
    'child process',
    'no code generation from strings',
    'module deny-list',
    'no fetch/WebSocket',
    'empty env',
  ];
  if (spec.permissionModel) {
    flags.push('--experimental-permission', ...readable.map((p) => `--allow-fs-read=${p}`));
    layers.push('node permission model (fs read: package only; no child processes, workers, fs write)');
  }
  const nodeArgs = [...flags, spec.script, ...spec.scriptArgs];
  const bwrap = detectBubblewrap();
  if (!bwrap)
    return withLowerPriority({
      command: node,
      args: nodeArgs,
      layers: [...layers, 'bubblewrap: not available'],
    });
  const binds = readable.map((p) => (existsSync(p) && !p.endsWith('.mjs') ? p : path.dirname(p)));
  return withLowerPriority({
    command: bwrap,
    args: [...bwrapArgs([...new Set(binds)]), '--setenv', 'NODE_CHANNEL_FD', '3', '--', node, ...nodeArgs],
    layers: [...layers, 'bubblewrap (all namespaces unshared: no network, own pid/ipc/uts, read-only binds)'],
  });
}
