/** Where a response ends among a socket's frames, and the timers a connection keeps in the background. */

/** Whether a frame ends its response: a terminal event, or an error. */
const lastType = /"type"\s*:\s*"(?:response\.(?:completed|incomplete|failed)|error)"/;
const lastOpenings = [
  '{"type":"response.completed"',
  '{"type":"response.incomplete"',
  '{"type":"response.failed"',
  '{"type":"error"',
];

/** Whether a frame is its response's last; a match not at the start is confirmed by parsing. */
export function isLastFrame(text: string): boolean {
  if (!lastType.test(text)) return false;
  for (const opening of lastOpenings) if (text.startsWith(opening)) return true;
  try {
    const type = (JSON.parse(text) as { type?: unknown }).type;
    return (
      type === 'error' ||
      type === 'response.completed' ||
      type === 'response.incomplete' ||
      type === 'response.failed'
    );
  } catch {
    return false;
  }
}

/** A timer that does not keep the process alive, where the runtime can say so. */
export function background(run: () => void, ms: number, repeat = false) {
  const timer = repeat ? setInterval(run, ms) : setTimeout(run, ms);
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
