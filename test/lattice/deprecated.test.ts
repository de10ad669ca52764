import {
  LatticeListener,
  LatticeListenerAction,
  LatticeTargetGroup,
  Listener,
  ListenerAction,
  ListenerOptions,
  TargetGroup,
  TargetGroupProps,
} from "../../modules/lattice";
import { stackWithProvider, synthJson } from "../helpers";
import { fakeService } from "./helpers";

describe("deprecated lattice names", () => {
  it("are the Lattice-prefixed classes, so old code builds the same resources", () => {
    expect(TargetGroup).toBe(LatticeTargetGroup);
    expect(Listener).toBe(LatticeListener);
    expect(ListenerAction).toBe(LatticeListenerAction);
    const stack = stackWithProvider();
    const props: TargetGroupProps = { name: "old-names", type: "LAMBDA" };
    const group = new TargetGroup(stack, "Targets", props);
    const options: ListenerOptions = { protocol: "HTTP", defaultAction: ListenerAction.forward(group) };
    new Listener(stack, "Listener", { ...options, service: fakeService() });
    expect(Object.keys(synthJson(stack).resource)).toEqual(expect.arrayContaining(["aws_vpclattice_target_group", "aws_vpclattice_listener"]));
  });
});
