import { TerraformVariable } from "cdktf";
import { AccessLogDestination, AccessLogs, AuthPolicy, LatticeAccessLogs, LatticeService, ServiceNetwork } from "../../modules/lattice";
import { expectValidationError, resourcesOfType, stackWithProvider, synthJson } from "../helpers";
import { fakeService, SERVICE_ARN } from "./helpers";

const NETWORK = {
  serviceNetworkId: "sn-0123456789abcdef0",
  serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
};
const BUCKET = "arn:aws:s3:::lattice-access-logs";
const STREAM = "arn:aws:firehose:us-east-1:111111111111:deliverystream/lattice";

describe("LatticeAccessLogs", () => {
  test("creates a log group with one-year retention and a SERVICE and a RESOURCE subscription for a service network", () => {
    const stack = stackWithProvider();
    new LatticeAccessLogs(stack, "Logs", { source: NETWORK, name: "shared-network" });
    const json = synthJson(stack);
    const groups = Object.values(json.resource.aws_cloudwatch_log_group) as Record<string, unknown>[];
    expect(groups).toEqual([expect.objectContaining({ name: "/aws/vendedlogs/vpclattice/shared-network", retention_in_days: 365 })]);
    const subscriptions = Object.values(json.resource.aws_vpclattice_access_log_subscription) as Record<string, unknown>[];
    expect(subscriptions.map((s) => s.service_network_log_type).sort()).toEqual(["RESOURCE", "SERVICE"]);
    for (const s of subscriptions) {
      expect(s.resource_identifier).toBe(NETWORK.serviceNetworkArn);
      expect(s.destination_arn).toMatch(/^\$\{aws_cloudwatch_log_group\.[\w-]+\.arn\}$/);
    }
  });

  test("a service gets one subscription per destination, without a log type", () => {
    const stack = stackWithProvider();
    new LatticeAccessLogs(stack, "Logs", {
      source: fakeService(),
      name: "orders",
      accessLogs: AccessLogs.to(AccessLogDestination.s3Bucket(BUCKET), AccessLogDestination.firehoseDeliveryStream(STREAM)),
    });
    const subscriptions = Object.values(resourcesOfType(stack, "aws_vpclattice_access_log_subscription"));
    expect(subscriptions).toHaveLength(2);
    expect(subscriptions.map((s) => s.destination_arn).sort()).toEqual([STREAM, BUCKET].sort());
    subscriptions.forEach((s) => {
      expect(s.resource_identifier).toBe(SERVICE_ARN);
      expect(s.service_network_log_type).toBeUndefined();
    });
    expect(resourcesOfType(stack, "aws_cloudwatch_log_group")).toEqual({});
  });

  test("keys subscriptions by destination kind and log type, so addresses survive reordering", () => {
    const stack = stackWithProvider();
    new LatticeAccessLogs(stack, "Logs", {
      source: NETWORK,
      name: "n",
      accessLogs: AccessLogs.to(AccessLogDestination.s3Bucket(BUCKET)),
      serviceNetworkLogTypes: ["RESOURCE"],
    });
    expect(Object.keys(resourcesOfType(stack, "aws_vpclattice_access_log_subscription"))).toEqual([expect.stringMatching(/^Logs_S3-RESOURCE_/)]);
  });

  test("passes retention and KMS key to the log group", () => {
    const stack = stackWithProvider();
    const kmsKeyArn = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    new LatticeAccessLogs(stack, "Logs", { source: NETWORK, name: "n", accessLogs: AccessLogs.toNewLogGroup({ retentionInDays: 731, kmsKeyArn }) });
    expect(Object.values(resourcesOfType(stack, "aws_cloudwatch_log_group"))[0]).toMatchObject({ retention_in_days: 731, kms_key_id: kmsKeyArn });
  });

  test("a name only Terraform knows gives the log group a name prefix instead of a mangled name", () => {
    const stack = stackWithProvider();
    const name = new TerraformVariable(stack, "network_name", { type: "string" });
    new LatticeAccessLogs(stack, "Logs", { source: NETWORK, name: name.stringValue });
    const group = Object.values(resourcesOfType(stack, "aws_cloudwatch_log_group"))[0];
    expect(group).toMatchObject({ name_prefix: "/aws/vendedlogs/vpclattice/" });
    expect(group.name).toBeUndefined();
  });

  test("disabled with a reason creates nothing and records the reason", () => {
    const stack = stackWithProvider();
    const logs = new LatticeAccessLogs(stack, "Logs", {
      source: NETWORK,
      name: "n",
      accessLogs: AccessLogs.disabled("sandbox network, no production traffic"),
    });
    expect(logs.subscriptions).toEqual([]);
    expect(resourcesOfType(stack, "aws_vpclattice_access_log_subscription")).toEqual({});
    expect(logs.node.metadata.map((m) => m.data)).toContain("Access logs disabled: sandbox network, no production traffic");
  });

  test("fails when disabled without a reason", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAccessLogs(stack, "Logs", { source: NETWORK, name: "n", accessLogs: AccessLogs.disabled("  ") }),
      "accessLogs.disabledReason",
      '""',
    );
  });

  test("fails when a destination ARN is of another service", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAccessLogs(stack, "Logs", { source: NETWORK, name: "n", accessLogs: AccessLogs.to(AccessLogDestination.logGroup(BUCKET)) }),
      "accessLogs.destinations[0]",
      BUCKET,
    );
  });

  test("fails when a destination's ARN is undefined (JavaScript callers)", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new LatticeAccessLogs(stack, "Logs", {
          source: NETWORK,
          name: "n",
          accessLogs: AccessLogs.to(AccessLogDestination.s3Bucket(undefined as never)),
        }),
      "accessLogs.destinations[0]",
      "undefined",
    );
  });

  test("fails when two destinations are of the same kind", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new LatticeAccessLogs(stack, "Logs", {
          source: NETWORK,
          name: "n",
          accessLogs: AccessLogs.to(AccessLogDestination.s3Bucket(BUCKET), AccessLogDestination.s3Bucket("arn:aws:s3:::other")),
        }),
      "accessLogs.destinations[1]",
      '"arn:aws:s3:::other"',
    );
  });

  test("fails when no destination is given", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAccessLogs(stack, "Logs", { source: NETWORK, name: "n", accessLogs: AccessLogs.to() }),
      "accessLogs",
      "[]",
    );
  });

  test("fails when a service network named service-orders and a service named orders would share one log group", () => {
    const stack = stackWithProvider();
    new ServiceNetwork(stack, "Network", { name: "service-orders", authPolicy: new AuthPolicy().allow({ accounts: ["111111111111"] }) });
    expectValidationError(
      () => new LatticeService(stack, "Orders", { name: "orders", authPolicy: new AuthPolicy().allow({ accounts: ["111111111111"] }) }),
      "name",
      "/aws/vendedlogs/vpclattice/service-orders",
    );
  });

  test("fails when the retention is not a CloudWatch Logs value", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAccessLogs(stack, "Logs", { source: NETWORK, name: "n", accessLogs: AccessLogs.toNewLogGroup({ retentionInDays: 42 }) }),
      "accessLogs.retentionInDays",
      "42",
    );
  });

  test("fails when the KMS key is not a key ARN", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAccessLogs(stack, "Logs", { source: NETWORK, name: "n", accessLogs: AccessLogs.toNewLogGroup({ kmsKeyArn: "alias/logs" }) }),
      "accessLogs.kmsKeyArn",
      "alias/logs",
    );
  });

  test("fails when a service network log type is unknown", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new LatticeAccessLogs(stack, "Logs", { source: NETWORK, name: "n", serviceNetworkLogTypes: ["SERVICES" as "SERVICE"] }),
      "serviceNetworkLogTypes[0]",
      "SERVICES",
    );
  });
});

describe("LatticeAccessLogs misspelled props", () => {
  test("fails when a prop or a log group option is misspelled: the default would apply without a word", () => {
    const props = { source: NETWORK, name: "shared-network", serviceNetworkLogType: ["SERVICE"] } as ConstructorParameters<
      typeof LatticeAccessLogs
    >[2];
    const error = expectValidationError(() => new LatticeAccessLogs(stackWithProvider(), "Logs", props), "serviceNetworkLogType", "SERVICE");
    expect(error.message).toContain("did you mean serviceNetworkLogTypes?");
    const options = { retentionDays: 30 } as Parameters<typeof AccessLogs.toNewLogGroup>[0];
    const accessLogs = AccessLogs.toNewLogGroup(options);
    expect(
      expectValidationError(
        () => new LatticeAccessLogs(stackWithProvider(), "Logs", { source: NETWORK, name: "shared-network", accessLogs }),
        "accessLogs.retentionDays",
        "30",
      ).message,
    ).toContain("did you mean retentionInDays?");
  });
});
