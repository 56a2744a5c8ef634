// The page's one store, handed down by context so components can be rendered
// with any store (tests pass their own).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from '../store/store.ts';

export const LabStoreContext = createContext<LabStore | null>(null);

export function useLab<T>(selector: (state: LabState) => T): T {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLab needs a LabStoreContext provider');
  return useStore(store, selector);
}

export function useLabStore(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLabStore needs a LabStoreContext provider');
  return store;
}
