export * from "./lattice-mesh";
