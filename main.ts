import { App } from "cdktf";
import { ALL_STACKS } from "./stacks/catalog";

const app = new App();
for (const definition of ALL_STACKS) definition.create(app);
app.synth();
