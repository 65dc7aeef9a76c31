// Settings need a session and tRPC just as the project pages do.
export { default } from "../projects/layout";
