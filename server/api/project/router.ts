import { router } from "../trpc";
import { addMember } from "./add-member";
import { auditLog } from "./audit-log";
import { changeMemberRole } from "./change-member-role";
import { createProject } from "./create";
import { listProjects } from "./list";
import { listMembers } from "./members";
import { removeMember } from "./remove-member";
import { renameProject } from "./rename";
import { setLabelColour } from "./set-label-colour";

export const projectRouter = router({
  list: listProjects,
  create: createProject,
  rename: renameProject,
  members: listMembers,
  addMember,
  changeMemberRole,
  removeMember,
  setLabelColour,
  auditLog,
});
