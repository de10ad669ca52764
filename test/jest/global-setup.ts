import { useRunTmpdir } from "./private-tmpdir";

export default useRunTmpdir;
