import { Construct } from "constructs";
import { AppCounter, AppRegistry } from "../../modules/core";
import { testApp } from "../helpers";

describe("AppRegistry", () => {
  it("keeps one map per app, shared by every construct of the app", () => {
    const registry = new AppRegistry<string, string>();
    const app = testApp();
    const other = testApp();
    registry.of(new Construct(app, "A")).set("vpc-1", "A");
    expect(registry.of(new Construct(app, "B")).get("vpc-1")).toBe("A");
    expect(registry.of(new Construct(other, "A")).has("vpc-1")).toBe(false);
  });

  it("counts per key and app", () => {
    const counter = new AppCounter<string>();
    const app = testApp();
    expect(counter.increment(app, "x")).toBe(1);
    expect(counter.increment(new Construct(app, "A"), "x")).toBe(2);
    expect(counter.increment(app, "y")).toBe(1);
    expect(counter.increment(testApp(), "x")).toBe(1);
  });
});
