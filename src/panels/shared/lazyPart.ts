// The one way the page loads a rarely used part later: `loadPart(what, () =>
// import('./x.ts'))` at the moment it is needed (a click, a finished run),
// so its code stays out of the initial chunk (tests/config/bundleSize.test.ts
// keeps that chunk under its limit). A chunk that cannot be fetched (a dropped
// connection, a site redeployed under the open page) rejects with a
// PartLoadError, whose message is our own sentence a user can act on, never a
// bare "Failed to fetch dynamically imported module: <url>"; the browser's
// error is its cause.

/** A part's code could not be fetched; the message is safe to show as it is. */
export class PartLoadError extends Error {
  override name = 'PartLoadError';
}

/** Loads `what` (said as "the PyTorch script generator") with `load`, a dynamic import. */
export async function loadPart<T>(what: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw new PartLoadError(`${what} could not be loaded; check the connection and reload the page`, { cause: error });
  }
}
