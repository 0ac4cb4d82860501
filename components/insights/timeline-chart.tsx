"use client";

import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";

/** Mentions per event in time order, talks and notes stacked. The page shows the same numbers as a table. */
export function TimelineChart({
  label,
  rows,
}: {
  label: string;
  rows: { label: string; talks: number; notes: number }[];
}) {
  const t = useTranslations("insights");
  return (
    <div role="img" aria-label={label} data-testid="timeline-chart" className="w-full">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: -16 }}>
          <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="talks" name={t("talksLabel")} stackId="m" fill="#2563eb" isAnimationActive={false} />
          <Bar dataKey="notes" name={t("notesLabel")} stackId="m" fill="#ea580c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
