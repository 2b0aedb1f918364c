/** A one-line progress bar on standard error, only on a terminal; redrawn in place, cleared at the end. */
import { translate, type Locale } from '../lib/i18n';

export interface Progress {
  tick: () => void;
  done: () => void;
}

const WIDTH = 24;

export function createProgress(stream: NodeJS.WriteStream, total: number, locale: Locale, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY || total === 0) return { tick: () => {}, done: () => {} };
  let count = 0;
  const draw = () => {
    const filled = Math.round((count / total) * WIDTH);
    stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${translate(locale, 'cli.progress', { done: count, total })}`);
  };
  draw();
  return {
    tick: () => {
      count++;
      draw();
    },
    done: () => stream.write('\r\x1b[K'),
  };
}
