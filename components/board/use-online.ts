"use client";

import { onlineManager } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange);

/**
 * Whether the browser has a network connection, as TanStack Query sees it (the window's online and offline
 * events): the same signal that pauses commands while offline and sends them when it returns.
 */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => onlineManager.isOnline(), () => true);
}
