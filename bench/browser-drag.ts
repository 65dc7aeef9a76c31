/**
 * Drag smoothness on a big board: drags a card with the mouse from the first column across the others, as a
 * hand would (one small move per frame), while the page records the time between animation frames and the
 * long tasks (main thread busy for over 50 ms) the browser reports. Then drops it and times the drop until the
 * next frame has been drawn.
 */
import type { Page } from "@playwright/test";

/** Moves per drag and the pause between them: about two seconds of dragging at the display's pace. */
const STEPS = 120;
const STEP_MS = 16;

export type DragSample = { frames: number[]; longTasks: number[]; dropMs: number };

declare global {
  interface Window {
    __dragBench?: { frames: number[]; longTasks: number[]; stop: () => void };
  }
}

/**
 * Starts recording in the page. A string, as tsx would wrap the functions of a callback in a helper
 * (`__name`) that the page does not have.
 */
const RECORD_FRAMES = `(() => {
  const frames = [];
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: "longtask" });
  let running = true;
  let last = performance.now();
  const tick = (now) => {
    frames.push(now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__dragBench = { frames, longTasks, stop: () => { running = false; observer.disconnect(); } };
})()`;

/** One drag of the first card of the first column to the top of the last column, on a board already drawn. */
export async function measureDrag(page: Page): Promise<DragSample> {
  const source = page.locator("section[data-column-id]").first().locator("[data-task-id]").first();
  const target = page.locator("section[data-column-id]").last().locator("ol");
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2, y: to.y + 30 };

  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Past dnd-kit's 5 px activation distance, then let the drag start before measuring.
  await page.mouse.move(start.x + 12, start.y + 4, { steps: 3 });
  await page.waitForTimeout(200);

  await page.evaluate(RECORD_FRAMES);
  for (let i = 1; i <= STEPS; i++) {
    const t = i / STEPS;
    // Across the columns with a little vertical wander, so the card passes over many others.
    await page.mouse.move(start.x + 12 + (end.x - start.x - 12) * t, start.y + (end.y - start.y) * t + 60 * Math.sin(t * Math.PI * 3));
    await page.waitForTimeout(STEP_MS);
  }
  const { frames, longTasks } = await page.evaluate(() => {
    window.__dragBench!.stop();
    const { frames, longTasks } = window.__dragBench!;
    // The first delta spans the set-up; the drag's frames come after it.
    return { frames: frames.slice(1), longTasks };
  });

  const dropStart = Date.now();
  await page.mouse.up();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  return { frames, longTasks, dropMs: Date.now() - dropStart };
}
