import { Grid } from "../grid";

// Rendered on every request.
export const dynamic = "force-dynamic";

export default function Page() {
  return <Grid />;
}
