import { requireAdminPage } from "@/lib/auth/session";

// Admin pages are refused here for non-admins; every admin page, action and route checks again itself.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdminPage("/admin/events");
  return <div className="flex flex-col gap-6">{children}</div>;
}
