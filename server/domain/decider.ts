/**
 * Emmett's decider pattern: state is only ever rebuilt by folding past events
 * with `evolve`, and `decide` turns a command into new events (or refuses it).
 */
export type Decider<State, Command, Event> = {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
  /**
   * The version of State's shape. Stored snapshots of the state are used only while it matches, so
   * raise it whenever State changes shape or evolve changes what it builds.
   */
  stateSchemaVersion: number;
};

/**
 * Decides several commands as one: each is decided on the state the previous ones' events lead to,
 * and all their events are returned together, so they can be appended atomically.
 */
export function decideAll<State, Command, Event>(decider: Decider<State, Command, Event>, commands: Command[], state: State): Event[] {
  const events: Event[] = [];
  for (const command of commands) {
    const decided = decider.decide(command, state);
    state = decided.reduce(decider.evolve, state);
    events.push(...decided);
  }
  return events;
}
