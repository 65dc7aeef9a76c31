import { describe, expect, it } from "vitest";
import { systemTools, systemToolsPlan } from "../../../scripts/system-tools/plan";

const [chromium, haproxy] = systemTools("/usr/bin/chromium");
const facts = { missing: [chromium!], isRoot: false, hasAptGet: true };

describe("the check for system tools before the tests", () => {
  it("does nothing when every tool is there", () => {
    expect(systemToolsPlan({ ...facts, missing: [] })).toEqual({ action: "ready" });
  });

  it("installs Debian's packages for what is missing when we are root with apt-get", () => {
    expect(systemToolsPlan({ ...facts, missing: [chromium!, haproxy!], isRoot: true })).toEqual({
      action: "install",
      commands: [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", "chromium", "haproxy"],
      ],
    });
  });

  it("stops at once with the one command to run when it may not install", () => {
    for (const plan of [systemToolsPlan(facts), systemToolsPlan({ ...facts, isRoot: true, hasAptGet: false })]) {
      expect(plan).toEqual({ action: "stop", message: expect.stringContaining("sudo apt-get install -y chromium") });
    }
    expect(systemToolsPlan({ ...facts, missing: [chromium!, haproxy!] })).toEqual({
      action: "stop",
      message: expect.stringContaining("sudo apt-get install -y chromium haproxy"),
    });
  });

  it("does not install over a CHROMIUM_PATH that points elsewhere", () => {
    const plan = systemToolsPlan({ ...facts, missing: systemTools("/opt/chrome/chrome").slice(0, 1), isRoot: true });
    expect(plan).toEqual({ action: "stop", message: expect.stringContaining("/opt/chrome/chrome") });
  });
});
