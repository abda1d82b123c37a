import fs from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) used so far by a process and every process under it, read from /proc (Linux):
 * a server started through tsx runs in a child of the process the benchmark spawned. 0 where /proc is absent.
 */
export function treeCpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  let ticks = 0;
  const walk = (p: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(' ') : []) walk(Number(child));
      }
    } catch {
      // The process ended meanwhile, or this is not Linux.
    }
  };
  walk(pid);
  return (ticks * 1000) / TICKS_PER_SECOND;
}
