export { readModelBoard } from "./board/load";
export { projectsOf } from "./project-list";
export { projectors } from "./registry";
export { queryTaskList } from "./task-list/query";
export { membersWithRoles, userByEmail, userNames, usersByIds } from "./users";
