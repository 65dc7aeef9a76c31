import { KeyboardCode, KeyboardSensor, type KeyboardSensorProps } from "@dnd-kit/core";

/** What a replayed key press keeps of the one held back. */
const copyOf = (event: KeyboardEvent): KeyboardEventInit => ({
  key: event.key,
  code: event.code,
  location: event.location,
  repeat: event.repeat,
  shiftKey: event.shiftKey,
  ctrlKey: event.ctrlKey,
  altKey: event.altKey,
  metaKey: event.metaKey,
  bubbles: true,
  cancelable: true,
});

/**
 * dnd-kit's keyboard sensor, with no key lost just after a pick-up. dnd-kit starts listening for the keys that
 * move a card in a zero-delay timer after the pick-up (so that the Space which picked the card up does not drop
 * it), while the pick-up is announced at once. A browser runs key presses before timers, so on a busy device an
 * arrow key pressed on hearing "Picked up" came before dnd-kit listened, and was lost. This sensor holds the keys
 * pressed in that gap and hands them to dnd-kit in order, from a timer queued after its own. Only the keys dnd-kit
 * acts on are held: others (Tab, say) keep their usual effect, which a replayed key press would not have.
 */
export class PromptKeyboardSensor extends KeyboardSensor {
  constructor(props: KeyboardSensorProps) {
    super(props);
    const target = props.event.target;
    const document = target instanceof Node ? (target.ownerDocument ?? window.document) : window.document;
    const codes = props.options.keyboardCodes;
    const dragKeys = new Set<string>([
      ...(codes?.cancel ?? [KeyboardCode.Esc]),
      ...(codes?.end ?? [KeyboardCode.Space, KeyboardCode.Enter]),
      KeyboardCode.Up,
      KeyboardCode.Down,
      KeyboardCode.Left,
      KeyboardCode.Right,
    ]);
    const held: KeyboardEvent[] = [];
    // Capturing on the document comes before the page's own handlers, which must not act on a held key twice.
    const hold = (event: KeyboardEvent) => {
      if (!dragKeys.has(event.code)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      held.push(event);
    };
    document.addEventListener("keydown", hold, true);
    setTimeout(() => {
      document.removeEventListener("keydown", hold, true);
      for (const event of held) {
        // A card drawn again meanwhile is a new element: the document still reaches dnd-kit's listener.
        const at = event.target instanceof Node && event.target.isConnected ? event.target : document;
        at.dispatchEvent(new KeyboardEvent("keydown", copyOf(event)));
      }
    });
  }
}
