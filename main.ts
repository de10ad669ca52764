import { App } from "cdktf";
import { disableTokenCreationStackTraces } from "./modules/core/synth-performance";
import { ALL_STACKS } from "./stacks/catalog";

disableTokenCreationStackTraces();
const app = new App();
for (const definition of ALL_STACKS) definition.create(app);
app.synth();
