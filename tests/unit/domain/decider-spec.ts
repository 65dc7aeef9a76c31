import { expect } from "vitest";
import { type Decider, DomainError, DomainEvent } from "../../../server/domain";

/**
 * Given-when-then for deciders, after Emmett's DeciderSpecification:
 * spec(decider).given(pastEvents).when(command).then(expectedEvents) or .thenThrows(message).
 * A string message must match exactly; use a RegExp for a partial match.
 */
export function spec<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    given: (events: Event[]) => ({
      when: (command: Command) => {
        const decide = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
        return {
          then(expected: Event[]) {
            const actual = decide();
            expect(actual).toEqual(expected);
            // Decided events must be storable, i.e. pass the catalogue's strict schemas.
            for (const event of actual) expect(DomainEvent.safeParse(event).error).toBeUndefined();
          },
          thenThrows(expected: string | RegExp) {
            let returned: Event[] | undefined;
            let error: unknown;
            try {
              returned = decide();
            } catch (caught) {
              error = caught;
            }
            if (returned) expect.fail(`expected a DomainError but decide returned ${JSON.stringify(returned)}`);
            expect(error).toBeInstanceOf(DomainError);
            const { message } = error as DomainError;
            if (typeof expected === "string") expect(message).toBe(expected);
            else expect(message).toMatch(expected);
          },
        };
      },
    }),
  };
}
