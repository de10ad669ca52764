/**
 * Old names kept so that code written against earlier 0.x releases still
 * compiles; each says what replaces it (see CHANGELOG.md). One file per
 * area, so that removing them is one deletion.
 */
import { checkPort } from "./validation";

/** @deprecated Use checkPort: the same check. */
export const checkPortValue = checkPort;
