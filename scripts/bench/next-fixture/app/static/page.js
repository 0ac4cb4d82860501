import { Grid } from "../grid";

// Prerendered at build time, served as a file.
export const dynamic = "force-static";

export default function Page() {
  return <Grid />;
}
