/**
 * Runs `task` once the browser has rendered the next frame: a frame callback runs just before the
 * frame is rendered, and a task queued from it runs after. A hidden page renders no frames (and
 * gets no frame callbacks), so there `task` runs at once rather than waiting to be shown.
 */
export function afterNextPaint(task: () => void, page: Pick<Document, 'visibilityState'> = document): void {
  if (page.visibilityState === 'hidden') return task();
  requestAnimationFrame(() => setTimeout(task, 0));
}
