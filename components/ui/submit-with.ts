import type { FormEvent } from "react";

/**
 * A submit handler that keeps what the user typed (React's form `action` resets uncontrolled
 * fields after every submit, which loses input on an error).
 */
export function submitWith(handler: (form: FormData, element: HTMLFormElement) => void | Promise<void>) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void handler(new FormData(e.currentTarget), e.currentTarget);
  };
}
