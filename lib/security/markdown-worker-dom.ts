// Loaded first in the Markdown Web Worker. micromark decodes named character references (`&amp;`)
// with decode-named-character-reference, whose browser build uses a DOM element to do it. Next.js
// bundles Web Workers with the browser conditions, not the package's "worker" one, and a worker has
// no `document`: the worker died on load and every note stayed plain text. This stands in for the
// one element that build uses, answering from the same table the package's non-DOM build reads.
import { characterEntities } from "character-entities";

type Element = { innerHTML: string; readonly textContent: string };

if (typeof document === "undefined") {
  const own = Object.prototype.hasOwnProperty;
  const element = (): Element => {
    let html = "";
    return {
      set innerHTML(value: string) {
        html = value;
      },
      get innerHTML() {
        return html;
      },
      // "&name;" → its character(s); anything unknown stays as written (read as "not a reference").
      get textContent() {
        const name = html.slice(1, -1);
        return html.startsWith("&") && html.endsWith(";") && own.call(characterEntities, name)
          ? characterEntities[name as keyof typeof characterEntities]
          : html;
      },
    };
  };
  (globalThis as unknown as { document: { createElement: () => Element } }).document = { createElement: element };
}
