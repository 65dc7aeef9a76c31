import type { Decider } from "../decider";
import type { ProjectEvent } from "../events";
import type { ProjectCommand } from "./commands";
import { decideProject } from "./decide";
import { evolveProject } from "./evolve";
import { initialProjectState, type ProjectState } from "./state";

export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent> = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
  // 3: labelColours.
  stateSchemaVersion: 3,
};
