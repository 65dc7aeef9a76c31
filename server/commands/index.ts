export { oneAtATimeInto } from "./wip-lock";
