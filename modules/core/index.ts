export * from "./errors";
export * from "./formats";
export * from "./policy";
export * from "./region";
export * from "./tags";
export * from "./tokens";
export * from "./validation";
export * from "./scope";
