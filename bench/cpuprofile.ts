import { readFileSync } from 'node:fs';

/** The parts of V8's .cpuprofile (what `node --cpu-prof` writes) that a self-time summary needs. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  /** Microseconds on the machine's monotonic clock (as process.hrtime), comparable across processes. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** Function, and where it is: `name package/file:line`, or V8's own `(garbage collector)`, `(program)`. */
  function: string;
  selfMs: number;
  /** Share of the process's busy (not idle) sampled time, in percent. */
  percent: number;
}

/** node_modules/@apollo/gateway/dist/x.js → @apollo/gateway/x.js; the project's own files relative to it. */
function where(url: string, root: string): string {
  if (!url) return '';
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = file.slice(modules + '/node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    return `${name}/${rest[rest.length - 1]}`;
  }
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}

/** A stretch of a run, in microseconds of the monotonic clock (`process.hrtime.bigint() / 1000n`). */
export interface Window {
  fromUs: number;
  toUs: number;
}

/** Now on the clock the profiles use. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * The functions that spent the most time on their own (self time), grouped by function and place,
 * from one profile, counting only the samples inside `window` (so start-up and the other scenario
 * are left out); idle time is left out of the shares.
 */
export function topSelfTime(file: string, root: string, window: Window, count = 15): { busyMs: number; top: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const label = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const at = where(url, root);
    label.set(node.id, at ? `${functionName || '(anonymous)'} ${at}:${lineNumber + 1}` : functionName);
  }
  const selfUs = new Map<string, number>();
  // timeDeltas[i + 1] is the time from sample i to the next: the time sample i stands for.
  let sampledAt = profile.startTime;
  profile.samples.forEach((id, i) => {
    sampledAt += profile.timeDeltas[i] ?? 0;
    if (sampledAt < window.fromUs || sampledAt > window.toUs) return;
    const name = label.get(id) ?? '(unknown)';
    selfUs.set(name, (selfUs.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  selfUs.delete('(idle)');
  const busyUs = [...selfUs.values()].reduce((sum, us) => sum + us, 0);
  const top = [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({
      function: name,
      selfMs: Math.round(us / 100) / 10,
      percent: busyUs > 0 ? Math.round((us / busyUs) * 1000) / 10 : 0,
    }));
  return { busyMs: Math.round(busyUs / 1000), top };
}
