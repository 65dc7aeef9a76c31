import type { Role } from "../events/fields";

export type Column = { id: string; name: string; wipLimit: number | null };

export type ProjectState = {
  exists: boolean;
  name: string;
  ownerId: string;
  members: Record<string, Role>;
  /** In board order, left to right. */
  columns: Column[];
};

export const initialProjectState = (): ProjectState => ({
  exists: false,
  name: "",
  ownerId: "",
  members: {},
  columns: [],
});
