// Where the tests' files live: inside the repository, so a clone in any folder finds them.
import path from "node:path";

/** The three real write-ups (see test-fixtures/README.md). */
export const WRITEUP_FIXTURES = path.resolve(import.meta.dirname, "../../test-fixtures/writeups");
