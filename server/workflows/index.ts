export { projectAt } from "./project-settings";
export { ruleNamesOf } from "./rule-names";
