import { expect, type Locator } from "@playwright/test";

// Layout checks a person would make by eye: can every label be read, does a phrase stay whole,
// does a table fit its page. They measure the rendered boxes, so they hold for HTML and SVG alike.

type Box = { text: string; x: number; y: number; width: number; height: number };

const intersect = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The labels are at least `minHeight` px tall as drawn (not shrunk with a chart) and none covers another. */
export async function expectReadableLabels(labels: Locator, minHeight = 12): Promise<void> {
  const boxes = await labels.evaluateAll((elements) =>
    elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { text: element.textContent ?? "", x, y, width, height };
    }),
  );
  expect(boxes.length, "labels to measure").toBeGreaterThan(1);
  for (const box of boxes)
    expect(box.height, `"${box.text}" drawn too small to read`).toBeGreaterThanOrEqual(minHeight);
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) expect(intersect(a, b), `"${a.text}" overlaps "${b.text}"`).toBe(false);
}

/** The element's text sits on one line: no taller than one line plus its own padding. */
export async function expectOneLine(element: Locator): Promise<void> {
  const { height, oneLine } = await element.evaluate((node) => {
    const style = getComputedStyle(node);
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    return { height: node.getBoundingClientRect().height, oneLine: parseFloat(style.lineHeight) + padding };
  });
  expect(height, "height of one line").toBeLessThanOrEqual(oneLine + 1);
}

/** The element fits the box it sits in: its container does not have to scroll sideways to show it. */
export async function expectFitsSideways(element: Locator): Promise<void> {
  const { needed, shown } = await element.evaluate((node) => ({
    needed: node.parentElement!.scrollWidth,
    shown: node.parentElement!.clientWidth,
  }));
  expect(needed, "width needed, against the width shown").toBeLessThanOrEqual(shown);
}
