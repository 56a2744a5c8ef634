// A component whose code is loaded after the first paint: it renders nothing
// until its chunk arrives, then the real component with the same props. A chunk
// that cannot be fetched leaves a sentence in its place (and the rest of the
// page working); a later mount tries again. Errors the component itself throws
// are not caught here: they reach PanelBoundary like any other.
import { useEffect, useState, type ComponentType } from 'react';
import { loadPart } from './lazyPart.ts';

type Loaded<P> = { component: ComponentType<P> } | { failure: string };

export function deferred<P extends object>(what: string, load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const get = () => {
    pending ??= loadPart(what, load).then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };

  function Deferred(props: P) {
    const [state, setState] = useState<Loaded<P> | null>(() => (loaded ? { component: loaded } : null));
    useEffect(() => {
      if (state) return;
      let live = true;
      get().then(
        (component) => live && setState({ component }),
        (error: Error) => live && setState({ failure: error.message }),
      );
      return () => {
        live = false;
      };
    }, [state]);
    if (!state) return null;
    if ('failure' in state) {
      return (
        <div className="notice error" role="alert" data-testid="deferred-failure">
          <div className="notice-body">{`${what[0].toUpperCase()}${what.slice(1)} is missing: ${state.failure}.`}</div>
        </div>
      );
    }
    const Component = state.component;
    return <Component {...props} />;
  }
  Deferred.displayName = `Deferred(${what})`;
  return Deferred;
}
