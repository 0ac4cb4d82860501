"use client";

import { ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";

export type HeatmapProps = {
  events: { id: string; label: string }[];
  services: { slug: string; shortName: string; cells: { talks: number; notes: number }[] }[];
};

type Point = { event: string; service: string; value: number; talks: number; notes: number; ratio: number };

const ROW = 30;

/** Orange scale from almost white to the brand's dark orange; grey for zero. */
function colour(ratio: number): string {
  if (ratio <= 0) return "#f1f5f9";
  const from = [255, 237, 213];
  const to = [194, 65, 12];
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * Math.min(1, 0.15 + 0.85 * ratio)));
  return `rgb(${c.join(",")})`;
}

function HeatCell(props: { cx?: number; cy?: number; payload?: Point }) {
  const { cx, cy, payload } = props;
  if (cx == null || cy == null || !payload) return <g />;
  return (
    <g>
      <rect x={cx - 22} y={cy - 12} width={44} height={24} rx={4} fill={colour(payload.ratio)} stroke="#e2e8f0" />
      <text
        x={cx}
        y={cy + 4}
        textAnchor="middle"
        fontSize={12}
        fontWeight={600}
        fill={payload.ratio > 0.55 ? "#fff" : "#0f172a"}
      >
        {payload.value}
      </text>
    </g>
  );
}

/**
 * Services (rows) × events (columns), each cell the number of talks + readable notes that mention
 * the service. Decorative for assistive technology: the page renders the same numbers as a table.
 */
export function HeatmapChart({ events, services }: HeatmapProps) {
  const t = useTranslations("compare");
  const max = Math.max(1, ...services.flatMap((s) => s.cells.map((c) => c.talks + c.notes)));
  const points: Point[] = services.flatMap((s) =>
    events.map((e, i) => {
      const cell = s.cells[i] ?? { talks: 0, notes: 0 };
      const value = cell.talks + cell.notes;
      return { event: e.label, service: s.shortName, value, talks: cell.talks, notes: cell.notes, ratio: value / max };
    }),
  );
  return (
    <div role="img" aria-label={t("heatmapLabel")} data-testid="heatmap" className="w-full">
      <ResponsiveContainer width="100%" height={services.length * ROW + 48}>
        <ScatterChart margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <XAxis
            type="category"
            dataKey="event"
            allowDuplicatedCategory={false}
            orientation="top"
            interval={0}
            tick={{ fontSize: 11 }}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            type="category"
            dataKey="service"
            allowDuplicatedCategory={false}
            interval={0}
            width={104}
            tick={{ fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            reversed
          />
          <Tooltip
            cursor={false}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
              return p ? (
                <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow">
                  <strong>{p.service}</strong> · {p.event}
                  <br />
                  {t("cell", { talks: p.talks, notes: p.notes })}
                </div>
              ) : null;
            }}
          />
          <Scatter data={points} shape={HeatCell} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
