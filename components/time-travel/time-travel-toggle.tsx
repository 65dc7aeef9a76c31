"use client";

import { buttonGhost } from "@/components/ui/classes";
import { toggleTimeTravel, useAsOfParam } from "./use-as-of-param";

/** Opens time travel at the present moment (the slider then goes back from there) or returns to the live board. */
export function TimeTravelToggle() {
  const asOf = useAsOfParam();
  return (
    <button
      type="button"
      aria-pressed={asOf !== null}
      onClick={toggleTimeTravel}
      className={`${buttonGhost} aria-pressed:bg-accent/10 aria-pressed:text-accent-text`}
    >
      Time travel
    </button>
  );
}
