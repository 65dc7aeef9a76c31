/**
 * Emmett's decider pattern: state is only ever rebuilt by folding past events
 * with `evolve`, and `decide` turns a command into new events (or refuses it).
 */
export type Decider<State, Command, Event> = {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
};
