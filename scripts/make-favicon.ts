// Writes public/favicon.ico from public/icon.svg (browsers ask for /favicon.ico on a first load):
// Chromium draws the SVG at 32 and 16 px, the PNGs go into one ICO file. Run: npx tsx scripts/make-favicon.ts
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

async function main() {
  const svg = readFileSync("public/icon.svg", "utf8");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const pngs: Buffer[] = [];
  for (const size of [32, 16]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style>${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}`,
    );
    pngs.push(await page.screenshot({ omitBackground: true, type: "png" }));
    await page.close();
  }
  await browser.close();
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const size = i === 0 ? 32 : 16;
    const at = 6 + 16 * i;
    header.writeUInt8(size, at);
    header.writeUInt8(size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  writeFileSync("public/favicon.ico", Buffer.concat([header, ...pngs]));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
