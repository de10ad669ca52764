import { awsReservedAddressRole } from "../../modules/core";

describe("awsReservedAddressRole", () => {
  test.each([
    ["10.0.1.0", "the network address"],
    ["10.0.1.1", "the VPC router"],
    ["10.0.1.2", "the Amazon DNS resolver"],
    ["10.0.1.3", "kept by AWS for future use"],
    ["10.0.1.255", "the broadcast address, the block's last"],
  ])("%s is reserved in 10.0.1.0/24: %s", (address, role) => {
    expect(awsReservedAddressRole("10.0.1.0/24", address)).toBe(role);
  });

  test("the addresses between, those outside the block and IPv6 are not judged reserved", () => {
    expect(awsReservedAddressRole("10.0.1.0/24", "10.0.1.4")).toBeUndefined();
    expect(awsReservedAddressRole("10.0.1.0/24", "10.0.1.254")).toBeUndefined();
    expect(awsReservedAddressRole("10.0.1.0/24", "10.0.2.1")).toBeUndefined();
    expect(awsReservedAddressRole("2001:db8::/64", "2001:db8::1")).toBeUndefined();
    expect(awsReservedAddressRole("not a block", "10.0.1.1")).toBeUndefined();
  });
});
