// The page-side half of note rendering: what the worker's tree may turn into.
import { renderToStaticMarkup } from "react-dom/server";
import { createElement, Fragment } from "react";
import { describe, expect, it } from "vitest";
import { markdownToHast } from "./markdown-hast";
import { sanitizeTree, treeToReact } from "./markdown-render";

const html = (markdown: string) =>
  renderToStaticMarkup(createElement(Fragment, null, treeToReact(markdownToHast(markdown)!)));

describe("note Markdown in the page", () => {
  it("renders Markdown and GFM (tables, task lists, strikethrough, footnotes)", () => {
    const out = html(
      "# T\n\n**b** _i_ ~~s~~ `c`\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n\nnote[^1]\n\n[^1]: foot\n\n![slide](https://example.com/s.png)",
    );
    expect(out).toContain("<h1>T</h1>");
    expect(out).toContain("<strong>b</strong>");
    expect(out).toContain("<del>s</del>");
    expect(out).toMatch(/<td style="text-align:left">1<\/td>|<td align="left">1<\/td>/);
    expect(out).toContain('<input type="checkbox" disabled="" checked=""/>');
    expect(out).toContain('data-footnote-ref="true"');
    expect(out.toLowerCase()).toContain(
      '<img src="https://example.com/s.png" alt="slide" loading="lazy" referrerpolicy="no-referrer"/>',
    );
  });

  it("keeps a plain line break as a line break (remark-breaks)", () => {
    expect(html("first line\nsecond line")).toBe("<p>first line<br/>\nsecond line</p>");
  });

  it("shows raw HTML as text and drops script URLs, as react-markdown did", () => {
    const out = html(
      '<script>__pwned(1)</script>\n\n<img src=x onerror="__pwned(2)">\n\n[x](javascript:__pwned(3)) [y](data:text/html,hi) ![z](javascript:__pwned(4))',
    );
    expect(out).not.toMatch(/<script|<img src="x"|<[^>]*\son[a-z]+=|href="(javascript|data):|src="javascript:/i);
    expect(out).toContain("&lt;script&gt;__pwned(1)&lt;/script&gt;");
  });

  it("keeps only allow-listed elements and attributes of a tree, whatever produced it", () => {
    const clean = sanitizeTree({
      type: "root",
      children: [
        {
          type: "element",
          tagName: "iframe",
          properties: { src: "https://evil.test" },
          children: [{ type: "text", value: "inside" }],
        },
        {
          type: "element",
          tagName: "a",
          properties: { href: "javascript:alert(1)", onClick: "alert(1)", style: "x" },
          children: [],
        },
        { type: "element", tagName: "input", properties: { type: "text" }, children: [] },
        { type: "raw", value: "<b>raw</b>" },
      ],
    });
    expect(clean.children).toEqual([
      { type: "text", value: "inside" },
      { type: "element", tagName: "a", properties: { href: "" }, children: [] },
      { type: "text", value: "<b>raw</b>" },
    ]);
  });

  it("gives up (null: shown as plain text) on nesting deeper than the page renders", () => {
    expect(markdownToHast(`${">".repeat(300)} deep`)).toBeNull();
    expect(markdownToHast(`${"> ".repeat(20)} fine`)).not.toBeNull();
  });
});
