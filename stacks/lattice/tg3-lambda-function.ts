import { TerraformOutput } from "cdktf";
import { LatticeListenerAction, LatticeService, LatticeTarget, LatticeTargetGroup, LatticeTargetGroupConfig } from "../../modules/lattice";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { Flows } from "../../modules/flows";
import { clientVpcCallers, denyOutsiders, organizationRole, serveToClientVpc } from "./service-clients";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * TG-3: one Lambda function (its `live` alias) as the target of a service.
 * The target group pins the V2 event structure, and the function's policy
 * lets VPC Lattice invoke the alias for this target group only.
 */
export const tg3LambdaFunction = exampleStack("tg3-lambda-function", ["TG-3", "DEP-4"], (stack) => {
  const clientVpc = exampleVpc(stack, "ClientVpc", "tg3-clients", "10.80.0.0/16");

  const thumbnails = new LatticeTargetGroup(stack, "Thumbnails", {
    name: "thumbnails-fn",
    config: LatticeTargetGroupConfig.lambda({ eventStructureVersion: "V2" }),
    targets: { thumbnails: LatticeTarget.lambdaFunction(`arn:aws:lambda:us-east-1:${OWNER_ACCOUNT}:function:thumbnails:live`) },
  });

  const service = new LatticeService(stack, "ThumbnailService", { name: "thumbnails", authPolicy: clientVpcCallers(clientVpc) });
  service.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(thumbnails) });

  serveToClientVpc(stack, { name: "tg3-thumbnails", clientVpc, services: { thumbnails: service }, ports: [Port.tcp(443)] });
  new TerraformOutput(stack, "target_group_arn", {
    value: thumbnails.targetGroupArn,
    description: "The source ARN of the function's invoke permission",
  });

  const request = { method: "POST", path: "/thumbnails" };
  Flows.of(stack).allow("client-invokes-the-function", {
    from: { vpc: clientVpc, principal: organizationRole("media-uploader") },
    to: { dnsName: service.dnsName, request },
    description: "VPC Lattice may invoke the live alias, for this target group only",
  });
  denyOutsiders(stack, { service, clientVpc, request });
});
