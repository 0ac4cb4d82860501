// Small PostgreSQL admin steps the test setup and tests share.
import type { Client } from "pg";

/** The URL of database `name` on the server `server` names. */
export function databaseUrl(server: string, name: string): string {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

/** CREATE DATABASE … TEMPLATE; retried while the template's last connection (the migrating CLI) is still closing. */
export async function createFromTemplate(admin: Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "55006" || attempt >= 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
