import { removeRunTmpdir } from "./private-tmpdir";

export default removeRunTmpdir;
