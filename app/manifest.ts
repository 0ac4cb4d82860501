import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Summit Notes",
    short_name: "Summit Notes",
    description: "Notes for every talk, even on conference Wi-Fi.",
    start_url: "/events",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#ea580c",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml" }],
  };
}
