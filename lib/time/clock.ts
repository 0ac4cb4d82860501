/**
 * The current instant. One seam for "now" so agenda views (Now/Next) can be pinned in tests and
 * demos with SUMMIT_NOW=2016-05-17T13:10:00+09:00 (ignored in production unless set on purpose).
 */
export function currentTime(): Date {
  const pinned = process.env.SUMMIT_NOW;
  if (pinned) {
    const d = new Date(pinned);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

/** The pinned "now" (SUMMIT_NOW) as an ISO instant for the browser, or null when the real clock runs. */
export function pinnedNowIso(): string | null {
  return process.env.SUMMIT_NOW && !Number.isNaN(new Date(process.env.SUMMIT_NOW).getTime())
    ? new Date(process.env.SUMMIT_NOW).toISOString()
    : null;
}
