/** This browser's theme when nobody is signed in (app/theme-action.ts sets it, app/layout.tsx reads it). */
export const THEME_COOKIE = "chronoboard-theme";
