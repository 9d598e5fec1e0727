// `letter build --watch`: rebuild when a letter, template or font changes. Changes are
// debounced (an editor saves in several writes); a build error is printed and watching goes
// on; only an interrupt (or the caller's abort signal) ends it.

import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export const WATCHED = ['letters', 'templates', 'fonts'];

export interface WatchOptions {
  root: string;
  debounceMs: number;
  /** Runs one build; its own errors are its to report. */
  rebuild: () => Promise<void>;
  signal?: AbortSignal;
}

export async function watchAndRebuild(options: WatchOptions): Promise<void> {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // One build at a time: a change during a build waits for it, then builds again.
      running = running.then(options.rebuild, options.rebuild);
    }, options.debounceMs);
  };
  for (const dir of WATCHED) {
    try {
      watchers.push(watch(path.join(options.root, dir), { recursive: true }, (_, file) => {
        // Our own temp files and the output folder are not inputs.
        if (!file || !/\.tmp-\d+$/.test(String(file))) schedule();
      }));
    } catch {
      // A project without templates/ or fonts/ of its own: nothing there to watch.
    }
  }
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
}
