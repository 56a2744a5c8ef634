// The one way the page loads a rarely used part later: `loadPart(what, () =>
// import('./x.ts'))` at the moment it is needed (a click, a finished run),
// so its code stays out of the initial chunk (tests/config/bundleSize.test.ts
// keeps that chunk under its limit). A chunk that cannot be fetched (a dropped
// connection, a site redeployed under the open page) rejects with a sentence a
// user can act on, never a bare "Failed to fetch dynamically imported module".

/** Loads `what` (said as "the PyTorch script generator") with `load`, a dynamic import. */
export async function loadPart<T>(what: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${what} could not be loaded (${reason}); check the connection and reload the page`, { cause: error });
  }
}
