"use client";

import { useTranslations } from "next-intl";
import { errorText } from "@/lib/i18n/error-text";

/** The one client translator of server error codes (lib/i18n/error-text.ts), in the user's language. */
export function useErrorText() {
  return errorText(useTranslations("appErrors"));
}
