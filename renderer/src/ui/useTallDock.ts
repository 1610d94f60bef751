import { useEffect } from 'react';
import { rememberedDockHeight, setDockHeight, uiStore } from '../state/uiStore';

let grown = false;

/**
 * Curves and feature maps need room: the first time a learning panel opens, the dock grows to
 * about 60 % of the window (once per session; after that the learner's own size is kept).
 */
export function useTallDock(): void {
  useEffect(() => {
    // A size the person chose (dragged and remembered) wins over the automatic growth.
    if (grown || rememberedDockHeight() !== null) return;
    grown = true;
    const target = Math.min(580, Math.round(window.innerHeight * 0.62));
    if (uiStore.getState().dockHeight < target) setDockHeight(target);
  }, []);
}
