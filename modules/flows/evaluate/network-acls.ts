import { NetworkModel } from "../model/network-model";
import { syntheticId } from "../terraform/synthetic";
import { labelOf } from "./context";

/**
 * What a verdict takes on trust about the stack's network ACLs: they are not
 * evaluated (stateless rules, both directions, ephemeral ports), so each one
 * is named, with the subnets it applies to, and nobody reads "allowed" as
 * proven through it. A stack without network ACLs has only the default ACL
 * each VPC gets, which allows everything.
 */
export function networkAclAssumptions(model: NetworkModel): string[] {
  const doc = model.document;
  const subnetLabel = (id: string): string => {
    const subnet = model.subnet(id);
    return subnet === undefined ? id : labelOf(subnet);
  };
  const associated = new Map<string, string[]>();
  for (const block of doc.resources("aws_network_acl_association")) {
    const acl = doc.text(block, "network_acl_id");
    const subnet = doc.text(block, "subnet_id");
    if (acl !== undefined && subnet !== undefined) associated.set(acl, [...(associated.get(acl) ?? []), subnet]);
  }
  const withRules = new Set(doc.resources("aws_network_acl_rule").map((block) => doc.text(block, "network_acl_id")));
  return doc.resources("aws_network_acl", "aws_default_network_acl").map((block) => {
    const id = block.type === "aws_default_network_acl" ? doc.text(block, "default_network_acl_id") : syntheticId(block);
    const subnets = [
      ...(doc.list(block, "subnet_ids") ?? []).filter((s): s is string => typeof s === "string"),
      ...(id === undefined ? [] : (associated.get(id) ?? [])),
    ];
    const kind = block.type === "aws_default_network_acl" ? "default network ACL" : "network ACL";
    const where = subnets.length === 0 ? "" : ` of subnet${subnets.length > 1 ? "s" : ""} ${subnets.map(subnetLabel).join(", ")}`;
    const rules = id !== undefined && withRules.has(id) ? " and its aws_network_acl_rule resources" : "";
    return `${kind} ${labelOf(block)}${where}${rules} is not evaluated: its stateless rules (both directions, ephemeral ports) may drop the flow`;
  });
}
