import { describe, expect, it } from "vitest";
import { chromiumPlan, DEFAULT_CHROMIUM } from "../../../scripts/chromium/plan";

const facts = { path: DEFAULT_CHROMIUM, exists: false, isRoot: false, hasAptGet: true };

describe("the Chromium check before the browser tests", () => {
  it("does nothing when the browser is there", () => {
    expect(chromiumPlan({ ...facts, exists: true })).toEqual({ action: "ready" });
  });

  it("installs Debian's package when it is missing and we are root with apt-get", () => {
    expect(chromiumPlan({ ...facts, isRoot: true })).toEqual({
      action: "install",
      commands: [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
      ],
    });
  });

  it("stops at once with the one command to run when it may not install", () => {
    for (const plan of [chromiumPlan(facts), chromiumPlan({ ...facts, isRoot: true, hasAptGet: false })]) {
      expect(plan).toEqual({ action: "stop", message: expect.stringContaining("sudo apt-get install -y chromium") });
    }
  });

  it("does not install over a CHROMIUM_PATH that points elsewhere", () => {
    const plan = chromiumPlan({ ...facts, path: "/opt/chrome/chrome", isRoot: true });
    expect(plan).toEqual({ action: "stop", message: expect.stringContaining("/opt/chrome/chrome") });
  });
});
