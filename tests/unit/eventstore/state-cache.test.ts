import { describe, expect, it } from "vitest";
import { StateCache } from "../../../server/eventstore";

describe("StateCache", () => {
  it("evicts the least recently used entries once their total size passes the bound", () => {
    const cache = new StateCache<string>(10);
    cache.set("a", "A", 4);
    cache.set("b", "B", 4);
    expect(cache.get("a")).toBe("A"); // a is now more recent than b
    cache.set("c", "C", 4);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("A");
    expect(cache.get("c")).toBe("C");
  });

  it("replaces an entry under the same key, counting only its new size", () => {
    const cache = new StateCache<string>(10);
    cache.set("a", "A1", 6);
    cache.set("a", "A2", 6);
    cache.set("b", "B", 4);
    expect(cache.get("a")).toBe("A2");
    expect(cache.get("b")).toBe("B");
  });

  it("does not keep an entry larger than the whole bound", () => {
    const cache = new StateCache<string>(10);
    cache.set("small", "S", 5);
    cache.set("huge", "H", 11);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("small")).toBe("S");
  });
});
