"use client";

// Last resort when the root layout itself fails: no providers are available here.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui", padding: 24 }}>
        <h1>Something went wrong / 문제가 발생했습니다</h1>
        <button type="button" onClick={reset}>
          Try again / 다시 시도
        </button>
      </body>
    </html>
  );
}
