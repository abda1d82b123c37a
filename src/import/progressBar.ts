import type { ImportStep } from './importCorpus';
import { thousands } from './progress';

/**
 * How a long import shows its progress: on a terminal, one bar redrawn in place with the rate and the time
 * left; otherwise (a log, a pipe, CI) one JSON line per phase step, at most one a second.
 */
export function progressReporter(
  out: NodeJS.WriteStream,
  everyMs = 1000,
  /** A short import shows nothing: no bar before this much time has passed. */
  quietMs = 2000,
): { step(step: ImportStep): void; line(text: string): void; end(): void } {
  const tty = out.isTTY === true;
  const created = Date.now();
  let phase = '';
  let phaseStarted = Date.now();
  let last = 0;
  let drawn = false;
  return {
    step(step) {
      const now = Date.now();
      if (now - created < quietMs) return;
      if (step.phase !== phase) {
        phase = step.phase;
        phaseStarted = now;
        last = 0;
      }
      const finished = step.done >= step.total;
      if (!finished && now - last < (tty ? 200 : everyMs)) return;
      last = now;
      const seconds = Math.max((now - phaseStarted) / 1000, 0.001);
      const rate = step.done / seconds;
      const left = rate > 0 ? Math.max(step.total - step.done, 0) / rate : undefined;
      if (tty) {
        const width = 30;
        const filled = Math.round((width * Math.min(step.done, step.total)) / Math.max(step.total, 1));
        out.write(
          `\r${step.phase.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${thousands(step.done)}/${thousands(step.total)} ${step.unit}` +
            `  ${thousands(rate)}/s  ${left === undefined ? '' : `${left.toFixed(0)} s left`}\u001b[K`,
        );
        drawn = true;
      } else {
        out.write(
          JSON.stringify({ progress: step.phase, done: step.done, total: step.total, unit: step.unit, perSecond: Math.round(rate), secondsLeft: left === undefined ? null : Math.round(left) }) + '\n',
        );
      }
    },
    line(text) {
      if (tty) {
        out.write(`${drawn ? '\r\u001b[K' : ''}${text}\n`);
        drawn = false;
      } else out.write(JSON.stringify({ progress: 'message', message: text }) + '\n');
    },
    end() {
      if (tty && drawn) out.write('\n');
      drawn = false;
    },
  };
}
