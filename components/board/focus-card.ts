/** Frames to wait for a card scrolled to in a long column to be drawn (a few are enough; this is a ceiling). */
const MAX_FRAMES = 60;

/**
 * Focuses a task's card. A card of a long column may not be drawn yet: `reveal` scrolls its column to it
 * (ColumnCards), and the card is focused once it is in the page.
 */
export function focusCard(taskId: string, reveal: (taskId: string) => void) {
  reveal(taskId);
  let frames = 0;
  const attempt = () => {
    const card = document.querySelector<HTMLElement>(`[data-task-id="${CSS.escape(taskId)}"]`);
    if (card) card.focus();
    else if (++frames < MAX_FRAMES) requestAnimationFrame(attempt);
  };
  attempt();
}
