import { router } from "../trpc";
import { addMember } from "./add-member";
import { auditLog } from "./audit-log";
import { createProject } from "./create";
import { listProjects } from "./list";
import { renameProject } from "./rename";

export const projectRouter = router({ list: listProjects, create: createProject, rename: renameProject, addMember, auditLog });
