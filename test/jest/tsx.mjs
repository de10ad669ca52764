// Registers tsx in a jest-light-runner worker thread before the TypeScript setup files and tests load (see jest.config.js).
import { register as registerEsm } from "tsx/esm/api";
import { register as registerCjs } from "tsx/cjs/api";

registerEsm();
registerCjs();
