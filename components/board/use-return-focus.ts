"use client";

import { useCallback, useRef } from "react";

/**
 * A ref for the control that opened an inline form, and a call that gives the focus back to it once it is drawn
 * again. That happens in the same commit as the close (through the control's ref), not a frame later: by then a
 * quick user may already be typing somewhere else (`/` then a search), and a late focus would send their keys to
 * the button (where `n` opens a new task).
 */
export function useReturnFocus<T extends HTMLElement>() {
  const pending = useRef(false);
  const ref = useCallback((node: T | null) => {
    if (node && pending.current) {
      pending.current = false;
      node.focus();
    }
  }, []);
  return [ref, () => void (pending.current = true)] as const;
}
