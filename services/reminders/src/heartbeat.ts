import { writeFileSync } from 'node:fs';

/**
 * Touches `file` every `intervalMs` while `alive()` holds: a worker has no HTTP
 * port, so its container healthcheck reads the file's age instead.
 */
export function startHeartbeat(file: string, alive: () => boolean, intervalMs = 15_000): { stop(): void } {
  const beat = () => {
    if (alive()) writeFileSync(file, new Date().toISOString());
  };
  beat();
  const timer = setInterval(beat, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
