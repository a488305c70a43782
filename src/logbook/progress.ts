// Progress on stderr: a bar redrawn in place on a terminal; otherwise a plain line every 10 %.
import { logbookStrings, type Lang } from './strings';

export interface Progress {
  tick(): void;
  end(): void;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function progress(total: number, write: (text: string) => void, tty: boolean, lang: Lang, now = () => performance.now()): Progress {
  const s = logbookStrings(lang);
  const started = now();
  let done = 0;
  let lastDecile = -1;
  let lastDraw = 0;
  const line = () => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    return s.progress(done, total, rate.toFixed(1), duration(rate > 0 ? (total - done) / rate : Infinity));
  };
  return {
    tick() {
      done++;
      if (tty) {
        const t = now();
        if (t - lastDraw < 100 && done < total) return;
        lastDraw = t;
        const width = 24;
        const filled = total ? Math.round((width * done) / total) : width;
        write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line()}\x1b[K`);
      } else {
        const decile = total ? Math.floor((10 * done) / total) : 10;
        if (decile !== lastDecile) {
          lastDecile = decile;
          write(line() + '\n');
        }
      }
    },
    end() {
      if (tty && total) write('\n');
    },
  };
}
