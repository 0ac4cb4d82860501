/** A form-level message; aria-live so screen readers hear the result of a submit. */
export function FormMessage({ message, tone = "error" }: { message?: string | null; tone?: "error" | "success" }) {
  return (
    <div
      aria-live="polite"
      data-testid="form-message"
      className={tone === "error" ? "text-sm text-red-700" : "text-sm text-green-700"}
    >
      {message ? (
        <p className={`rounded-md px-3 py-2 ${tone === "error" ? "bg-red-50" : "bg-green-50"}`}>{message}</p>
      ) : null}
    </div>
  );
}
