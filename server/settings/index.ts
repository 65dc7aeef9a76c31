export { saveTheme, type Theme, themeOf, themeSchema } from "./user-settings";
