import { Testing } from "cdktf";
import { BackendSettings, PrivateNetworkingStack, PrivateNetworkingStackProps } from "../../modules/app";
import { catchValidationError, Json, synthJson, testApp } from "../helpers";

const NO_BACKEND_ENV: NodeJS.ProcessEnv = {};

function stack(props: Partial<PrivateNetworkingStackProps> = {}, context?: Record<string, unknown>): PrivateNetworkingStack {
  return new PrivateNetworkingStack(Testing.app({ context }), "network", { region: "eu-west-1", env: NO_BACKEND_ENV, ...props });
}

function providers(json: Json): Json[] {
  return json.provider.aws as Json[];
}

describe("PrivateNetworkingStack", () => {
  test("fails when another stack of the app has its name, with a ValidationError instead of the constructs library's error", () => {
    const app = testApp();
    new PrivateNetworkingStack(app, "network", { region: "eu-west-1", env: NO_BACKEND_ENV });
    const error = catchValidationError(() => new PrivateNetworkingStack(app, "network", { region: "eu-west-1", env: NO_BACKEND_ENV }));
    expect(error.prop).toBe("stack name");
    expect(error.received).toBe('"network"');
  });

  test.each(["my net", "team/net", "team\\net", "..", ""])(
    "fails when the stack name is %p: whitespace cdktf refuses, or a folder elsewhere",
    (name) => {
      const error = catchValidationError(() => new PrivateNetworkingStack(testApp(), name, { region: "eu-west-1", env: NO_BACKEND_ENV }));
      expect([error.prop, error.received]).toEqual(["stack name", JSON.stringify(name)]);
    },
  );

  test.each([
    ["an unknown type", { type: "gcs" }, "backend.type"],
    ["a bucket name AWS refuses", { type: "s3", bucket: "Acme_State" }, "backend.bucket"],
  ])("fails when the backend prop has %s, naming the prop the caller wrote", (_, backend, prop) => {
    expect(catchValidationError(() => stack({ backend: backend as never })).prop).toBe(prop);
  });

  test("pins the default provider to its account and region, and tags what it creates with the stack's name", () => {
    const [aws] = providers(synthJson(stack({ accountId: "111111111111", defaultTags: { team: "network" } })));
    expect(aws).toEqual({
      region: "eu-west-1",
      allowed_account_ids: ["111111111111"],
      default_tags: [{ tags: { "cdktf-stack": "network", team: "network" } }],
    });
  });

  test("leaves the account open when none is named", () => {
    expect(providers(synthJson(stack()))[0]).not.toHaveProperty("allowed_account_ids");
  });

  test("keeps its state next to the project with a relative path, not cdktf's absolute one", () => {
    expect(synthJson(stack()).terraform.backend).toEqual({ local: { path: "../../../terraform.network.tfstate" } });
  });

  test("takes the program's backend, which the context and then the environment override setting by setting", () => {
    const backend = { type: "s3", bucket: "acme-state", keyPrefix: "networking" };
    expect(synthJson(stack({ backend })).terraform.backend.s3).toMatchObject({
      bucket: "acme-state",
      key: "networking/network.tfstate",
      region: "eu-west-1",
    });
    const fromContext = synthJson(stack({ backend }, { backend: { bucket: "context-state" } })).terraform.backend.s3;
    expect(fromContext).toMatchObject({ bucket: "context-state", key: "networking/network.tfstate" });
    const fromEnv = synthJson(stack({ backend, env: { CDKTF_BACKEND_S3_BUCKET: "pipeline-state" } }, { backend: { bucket: "context-state" } }))
      .terraform.backend.s3;
    expect(fromEnv).toMatchObject({ bucket: "pipeline-state" });
  });

  test("takes a local state path of the program's choosing, relative to the stack's folder", () => {
    expect(synthJson(stack({ backend: { path: "../../../state/network.tfstate" } })).terraform.backend).toEqual({
      local: { path: "../../../state/network.tfstate" },
    });
  });

  test("fails when the local state path is absolute", () => {
    const error = catchValidationError(() => stack({ backend: { path: "/home/me/network.tfstate" } }));
    expect(error.prop).toBe("backend.path");
    expect(error.received).toBe('"/home/me/network.tfstate"');
  });

  test("fails when a program's backend setting is not a string, naming where it came from", () => {
    const error = catchValidationError(() => stack({ backend: { type: "s3", bucket: 42 as unknown as string } }));
    expect(error.prop).toBe("backend.bucket");
    expect(error.received).toBe("42");
  });

  test("fails when the program's backend has a setting it would drop: of another backend than its type, or a key the library does not know", () => {
    const local = catchValidationError(() => stack({ backend: { bucket: "acme-state" } }));
    expect([local.prop, local.received]).toEqual(["backend.bucket", '"acme-state"']);
    const typo = catchValidationError(() => stack({ backend: { type: "s3", bucket: "acme-state", dynamoDbTable: "locks" } as BackendSettings }));
    expect([typo.prop, typo.received]).toEqual(["backend", '"dynamoDbTable"']);
    // A type the environment chooses leaves the program's settings of another backend aside.
    expect(synthJson(stack({ backend: { type: "s3", bucket: "acme-state" }, env: { CDKTF_BACKEND: "local" } })).terraform.backend).toHaveProperty(
      "local",
    );
  });

  test("fails when the region is missing or not a region", () => {
    expect(catchValidationError(() => stack({ region: undefined })).prop).toBe("region");
    expect(catchValidationError(() => stack({ region: "Frankfurt" })).received).toBe('"Frankfurt"');
  });

  test("fails when a prop has the wrong shape: env not an object, a role name not a string, no scope or a string scope", () => {
    expect(catchValidationError(() => stack({ env: "CDKTF_BACKEND=s3" as never }))).toMatchObject({ prop: "env" });
    expect(catchValidationError(() => stack({ env: null as never }))).toMatchObject({ prop: "env", received: "null" });
    expect(catchValidationError(() => stack({ deploymentRoleName: 5 as never }))).toMatchObject({ prop: "deploymentRoleName", received: "5" });
    for (const scope of [undefined, "app"])
      expect(
        catchValidationError(() => new PrivateNetworkingStack(scope as never, "network", { region: "eu-west-1", env: NO_BACKEND_ENV })),
      ).toMatchObject({ constructPath: "PrivateNetworkingStack", prop: "scope" });
  });

  test("fails when defaultTags would override the cdktf-stack tag the stack puts on every resource", () => {
    expect(catchValidationError(() => stack({ defaultTags: { "cdktf-stack": "other" } }))).toMatchObject({
      prop: "defaultTags.cdktf-stack",
      received: '"other"',
    });
  });

  test("fails when the S3 state bucket's region is in another partition than the stack's", () => {
    expect(catchValidationError(() => stack({ backend: { type: "s3", bucket: "my-state", region: "cn-north-1" } }))).toMatchObject({
      prop: "backend.region",
      received: '"cn-north-1"',
    });
  });

  test("fails when the cloud hostname is a URL, which terraform init rejects", () => {
    expect(
      catchValidationError(() => stack({ backend: { type: "cloud", organization: "acme", hostname: "https://app.terraform.io/" } })),
    ).toMatchObject({ prop: "backend.hostname" });
    expect(() => stack({ backend: { type: "cloud", organization: "acme", hostname: "tfe.example.com:8443" } })).not.toThrow();
  });

  test("fails when a prop is misspelled: the default would apply without a word", () => {
    const error = catchValidationError(() => stack({ defaultTag: { team: "network" } } as never));
    expect([error.prop, error.constructPath]).toEqual(["defaultTag", "network"]);
    expect(error.message).toContain("did you mean defaultTags?");
  });

  test("fails when the props are missing", () => {
    const error = catchValidationError(() => new PrivateNetworkingStack(testApp(), "network", undefined as unknown as PrivateNetworkingStackProps));
    expect(error.prop).toBe("props");
  });

  test("fails when the account is not a 12-digit account ID", () => {
    const error = catchValidationError(() => stack({ accountId: "1111-1111-1111" }));
    expect(error.prop).toBe("accountId");
    expect(error.constructPath).toBe("network");
  });

  test.each([
    ["a reserved aws: key", { "aws:owner": "me" }, "defaultTags"],
    ["an empty key", { "": "x" }, "defaultTags"],
    ["a value longer than 256 characters", { team: "x".repeat(257) }, "defaultTags.team"],
    ["a value that is not a string", { team: 7 as unknown as string }, "defaultTags.team"],
  ])("fails when a default tag has %s", (_, defaultTags, prop) => {
    expect(catchValidationError(() => stack({ defaultTags })).prop).toBe(prop);
  });
});

describe("PrivateNetworkingStack.accountProvider", () => {
  test("assumes the deployment role in the other account, pinned to it and tagged like the default provider", () => {
    const network = stack({ defaultTags: { team: "network" } });
    network.accountProvider("consumer", "222222222222");
    const consumer = providers(synthJson(network)).find((provider) => provider.alias === "consumer");
    expect(consumer).toEqual({
      alias: "consumer",
      region: "eu-west-1",
      allowed_account_ids: ["222222222222"],
      assume_role: [{ role_arn: "arn:aws:iam::222222222222:role/NetworkingDeployment", session_name: "cdktf-consumer" }],
      default_tags: [{ tags: { "cdktf-stack": "network", team: "network" } }],
    });
  });

  test("takes a role with a path, an external ID, a session name and a region", () => {
    const network = stack({ deploymentRoleName: "StackDeployer" });
    network.accountProvider("partner", "333333333333", {
      roleName: "partners/PrivateLinkDeployer",
      externalId: "acme-7f3a",
      sessionName: "acme-network",
      region: "us-west-2",
    });
    network.accountProvider("member", "222222222222");
    const [, partner, member] = providers(synthJson(network));
    expect(partner).toMatchObject({
      region: "us-west-2",
      assume_role: [
        { role_arn: "arn:aws:iam::333333333333:role/partners/PrivateLinkDeployer", external_id: "acme-7f3a", session_name: "acme-network" },
      ],
    });
    expect(member.assume_role[0].role_arn).toBe("arn:aws:iam::222222222222:role/StackDeployer");
  });

  test("assumes roles in the partition of the stack's region", () => {
    const network = stack({ region: "cn-north-1" });
    network.accountProvider("member", "222222222222", { region: "cn-northwest-1" });
    expect(providers(synthJson(network))[1].assume_role[0].role_arn).toBe("arn:aws-cn:iam::222222222222:role/NetworkingDeployment");
  });

  test("fails when an account provider's region is in another partition than the stack's", () => {
    const error = catchValidationError(() => stack().accountProvider("gov", "222222222222", { region: "us-gov-west-1" }));
    expect(error.prop).toBe("accountProvider(gov) region");
    expect(error.message).toContain("a region of the stack's partition (aws)");
  });

  test.each([
    ["an account ID given as a number", () => stack().accountProvider("member", 222222222222 as never), "accountProvider(member) accountId"],
    ["null options", () => stack().accountProvider("member", "222222222222", null as never), "accountProvider(member) options"],
  ])("fails when a JavaScript caller passes %s", (_, build, prop) => {
    expect(catchValidationError(build).prop).toBe(prop);
  });

  test("fails when an option is misspelled: the stack's deployment role would be assumed instead", () => {
    const error = catchValidationError(() => stack().accountProvider("consumer", "222222222222", { rolename: "Deployer" } as never));
    expect(error.prop).toBe("rolename");
    expect(error.message).toContain("did you mean roleName?");
  });

  test("fails when two account providers share an alias", () => {
    const network = stack();
    network.accountProvider("consumer", "222222222222");
    const error = catchValidationError(() => network.accountProvider("consumer", "333333333333"));
    expect(error.prop).toBe("accountProvider alias");
    expect(error.received).toBe('"consumer"');
  });

  test.each([
    ["the alias is not an identifier", () => stack().accountProvider("consumer account", "222222222222"), "accountProvider alias"],
    ["the account ID is missing", () => stack().accountProvider("consumer", undefined as unknown as string), "accountProvider(consumer) accountId"],
    ["the account ID is not 12 digits", () => stack().accountProvider("consumer", "22222222222"), "accountProvider(consumer) accountId"],
    [
      "the role name is an ARN",
      () => stack().accountProvider("consumer", "222222222222", { roleName: "arn:aws:iam::222222222222:role/X" }),
      "accountProvider(consumer) roleName",
    ],
    ["the region is not a region", () => stack().accountProvider("consumer", "222222222222", { region: "eu" }), "accountProvider(consumer) region"],
    [
      "the external ID is one character",
      () => stack().accountProvider("consumer", "222222222222", { externalId: "x" }),
      "accountProvider(consumer) externalId",
    ],
    [
      "the session name has a space",
      () => stack().accountProvider("consumer", "222222222222", { sessionName: "my session" }),
      "accountProvider(consumer) sessionName",
    ],
    ["the stack's deployment role name has a space", () => stack({ deploymentRoleName: "Networking Deployment" }), "deploymentRoleName"],
  ])("fails when %s", (_, build, prop) => {
    expect(catchValidationError(build).prop).toBe(prop);
  });
});

describe("offline plans (CDKTF_OFFLINE_PLAN)", () => {
  test("every AWS provider skips the calls a plan without network cannot make, and the account check it cannot do", () => {
    const network = stack({ accountId: "111111111111", env: { CDKTF_OFFLINE_PLAN: "true" } });
    network.accountProvider("consumer", "222222222222");
    for (const provider of providers(synthJson(network))) {
      expect(provider).toMatchObject({ skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true });
      // null is Terraform JSON for "not set".
      expect(provider.allowed_account_ids ?? null).toBeNull();
    }
  });

  test("is off unless asked for, and says so when on", () => {
    expect(providers(synthJson(stack({ accountId: "111111111111", env: { CDKTF_OFFLINE_PLAN: "false" } })))[0]).toMatchObject({
      allowed_account_ids: ["111111111111"],
    });
    const offline = stack({ env: { CDKTF_OFFLINE_PLAN: "1" } });
    const warnings = offline.node.metadata.filter((entry) => entry.type === "@cdktf/warn").map((entry) => String(entry.data));
    expect(warnings).toEqual([expect.stringContaining("never apply")]);
  });

  test("fails when asked for with a remote backend, which a deploying pipeline uses", () => {
    const error = catchValidationError(() =>
      stack({ env: { CDKTF_OFFLINE_PLAN: "true", CDKTF_BACKEND: "s3", CDKTF_BACKEND_S3_BUCKET: "acme-state" } }),
    );
    expect(error.prop).toBe("CDKTF_OFFLINE_PLAN");
    expect(error.expected).toContain("local backend only");
  });

  test("fails when the value is not a switch", () => {
    expect(catchValidationError(() => stack({ env: { CDKTF_OFFLINE_PLAN: "yes" } })).received).toBe('"yes"');
  });
});
