"use client";

import { type RefObject, useEffect } from "react";

/**
 * Closes an open menu or popover as people expect: Escape closes it and gives the focus back to the button that
 * opened it (else the focus would be lost with the closed content); a press or tap outside both closes it.
 */
export function useDismiss(open: boolean, close: () => void, button: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      close();
      button.current?.focus();
    }
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!content.current?.contains(target) && !button.current?.contains(target)) close();
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open, close, button, content]);
}
