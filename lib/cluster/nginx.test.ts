// deploy/nginx.conf as a template: filled in, it is a config nginx itself accepts (`nginx -t`,
// when nginx is installed: the cluster test installs it), with the settings the app relies on.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findNginx, NGINX_TEMPLATE, renderNginxConfig } from "./nginx";

const template = readFileSync(NGINX_TEMPLATE, "utf8");

describe("deploy/nginx.conf", () => {
  it("fills every placeholder: round robin over the instances, no stickiness", () => {
    const conf = renderNginxConfig(template, {
      listen: "127.0.0.1:8080",
      upstreams: ["127.0.0.1:3001", "127.0.0.1:3002"],
      runtimeDir: "/tmp/x",
    });
    expect(conf).not.toMatch(/^[^#\n]*@[A-Z_]+@/m);
    expect(conf).toContain("server 127.0.0.1:3001 max_fails=1 fail_timeout=2s;");
    expect(conf).toContain("server 127.0.0.1:3002 max_fails=1 fail_timeout=2s;");
    expect(conf).toContain("listen 127.0.0.1:8080;");
    expect(conf).toContain("pid /tmp/x/nginx.pid;");
    expect(conf).toMatch(/^daemon off;/m);
    expect(conf).not.toMatch(/^\s*(ip_hash|hash|sticky|least_conn)\b/m);
  });

  it("passes what the app's CSRF check and client address need, and replays only note saves", () => {
    expect(template).toMatch(/proxy_set_header Host \$http_host;/);
    expect(template).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(template).toMatch(/proxy_set_header X-Forwarded-Proto \$scheme;/);
    const nonIdempotent = template
      .split("\n")
      .filter((l) => !l.trimStart().startsWith("#") && l.includes("non_idempotent"));
    expect(nonIdempotent).toHaveLength(1);
    expect(template.slice(template.indexOf("location = /api/notes"))).toContain("non_idempotent");
  });

  it("refuses values that would break out of a directive", () => {
    const base = { listen: "8080", upstreams: ["127.0.0.1:3001"], runtimeDir: "/tmp/x" };
    expect(() => renderNginxConfig(template, { ...base, upstreams: ["127.0.0.1:3001; include /etc/passwd"] })).toThrow(
      /not a safe nginx value/,
    );
    expect(() => renderNginxConfig(template, { ...base, runtimeDir: "/tmp/a b" })).toThrow(/not a safe nginx value/);
    expect(() => renderNginxConfig(template, { ...base, upstreams: [] })).toThrow(/at least one/);
  });

  it.skipIf(!findNginx())("nginx -t accepts the filled-in template", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "summit-nginx-t-"));
    try {
      for (const d of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, d));
      const file = path.join(dir, "nginx.conf");
      writeFileSync(
        file,
        renderNginxConfig(template, {
          listen: "127.0.0.1:1",
          upstreams: ["127.0.0.1:2", "127.0.0.1:3"],
          runtimeDir: dir,
        }),
      );
      const res = spawnSync(findNginx()!, ["-t", "-p", dir, "-c", file, "-e", path.join(dir, "error.log")], {
        encoding: "utf8",
      });
      expect(res.status, res.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
