// How the runner paces itself: how often it posts, how long it works before
// yielding, how big a round may grow. Together these keep the page drawing at
// frame rate and answering pause and step within a frame, at any speed;
// training never waits for the page (a chunk holds only what the view can
// draw, so it costs the same however many steps it covers).

/** At most one chunk per display frame, whatever the speed. */
export const FRAME_MS = 16;
/** Work between two yields at full speed, so pause and step are handled within a frame. */
export const SLICE_MS = 10;
/** Upper bound on the steps of one round (for the run with the most steps per epoch), so the clock is read often. */
export const MAX_ROUND_STEPS = 16_384;
/** A stalled tab does not come back to a burst of backlog: at most this much time is made up. */
export const MAX_CATCH_UP_MS = 100;
/** Work per round between clock reads; rounds adapt their size to stay near it. */
export const ROUND_MS = 1;
