/** Mid-tone colours that read on the light and the dark surface alike; done work is always green. */
const palette = ["#6366f1", "#0ea5e9", "#f59e0b", "#ec4899", "#8b5cf6", "#14b8a6", "#f97316", "#64748b"];
export const doneColor = "#10b981";
export const leadColor = "#6366f1";
export const cycleColor = "#f59e0b";

export const columnColor = (index: number) => palette[index % palette.length]!;

// Axes, grid and text take the panel's text colour (currentColor), so they follow light and dark.
export const axis = { stroke: "currentColor", tick: { fill: "currentColor", fontSize: 12 }, tickLine: false } as const;
export const grid = { stroke: "currentColor", strokeOpacity: 0.15, strokeDasharray: "3 3" } as const;
export const tooltip = {
  contentStyle: { background: "var(--cb-surface)", border: "1px solid var(--cb-border)", borderRadius: 6, color: "var(--cb-fg)", fontSize: 12 },
  labelStyle: { color: "var(--cb-fg)", fontWeight: 600 },
  cursor: { fill: "currentColor", fillOpacity: 0.08 },
} as const;
export const legend = { wrapperStyle: { fontSize: 12, color: "var(--cb-fg)" } } as const;
