import { requireUserOrRedirect } from "@/lib/auth/session";

// Checked here, above loading.tsx: a redirect from inside the streamed page would arrive as a 200
// with a client-side refresh instead of a real 307 to the sign-in page.
export default async function MyAgendaLayout({ children }: { children: React.ReactNode }) {
  await requireUserOrRedirect("/my-agenda");
  return children;
}
