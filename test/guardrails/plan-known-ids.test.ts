import { readFileSync } from "node:fs";
import { join } from "node:path";
import { documentFromPlan } from "../../modules/flows/terraform/plan";
import { checkModel, Finding } from "../../modules/guardrails";

/**
 * The rules that link blocks (`refersTo`) over plans of test/fixtures/hcl-plan-applied:
 * the first plan (IDs unknown, written as references) and the plan after apply,
 * where `vpc_id` is the VPC's literal ID and only the plan's configuration
 * says which VPC it is. Both must give the same findings: aws_vpc.bare lacks a
 * flow log; the single, for_each and count VPCs have theirs and a managed
 * default security group.
 */
const FIXTURE = join(__dirname, "..", "fixtures", "hcl-plan-applied");
const read = (file: string) => JSON.parse(readFileSync(join(FIXTURE, file), "utf8")) as Record<string, unknown>;
const vpcFindings = (findings: Finding[]) =>
  findings.filter((f) => f.ruleId === "PN-VPC1" || f.ruleId === "PN-VPC2").map((f) => `${f.ruleId} ${f.address}: ${f.message}`);

describe.each([
  ["the plan after apply (IDs known)", "plan.json"],
  ["the first plan (IDs known after apply)", "plan-first.json"],
])("PN-VPC1 and PN-VPC2 over %s", (_name, file) => {
  const findings = vpcFindings(checkModel(documentFromPlan(file, read(file))));

  it("flag only the VPC without a flow log", () => {
    expect(findings).toEqual(["PN-VPC2 aws_vpc.bare: the VPC has no aws_flow_log"]);
  });
});
