/** Where the browser tests find Chromium: Debian's package, or CHROMIUM_PATH (playwright.config.ts). */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** The one command that installs it on Debian or Ubuntu. */
export const INSTALL_HINT = "sudo apt-get install -y chromium";

export type ChromiumPlan =
  | { action: "ready" }
  | { action: "install"; commands: string[][] }
  | { action: "stop"; message: string };

export interface ChromiumFacts {
  /** CHROMIUM_PATH if set, else the default. */
  path: string;
  exists: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}

/**
 * What to do before the browser tests start: nothing when the browser is there; install Debian's package when it
 * is the one missing and we may (root, apt-get); otherwise stop at once and say how to get it.
 */
export function chromiumPlan({ path, exists, isRoot, hasAptGet }: ChromiumFacts): ChromiumPlan {
  if (exists) return { action: "ready" };
  if (path !== DEFAULT_CHROMIUM) {
    return { action: "stop", message: `CHROMIUM_PATH is set to ${path}, where there is no browser. Point it at Chromium, or unset it and run: ${INSTALL_HINT}` };
  }
  if (isRoot && hasAptGet) {
    return {
      action: "install",
      commands: [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
      ],
    };
  }
  return { action: "stop", message: `The browser tests need Chromium at ${DEFAULT_CHROMIUM}, which is missing. Install it with: ${INSTALL_HINT}` };
}
