// A schedule v2 (hub) fixture for the tests (not shipped code), shaped like the official example
// lib/agenda/validators/examples/hub-schedule2.json (38C3) and valid against schema2.json: rooms and
// tracks with guids and slugs, topic tracks that move between rooms (so the rooms become the
// columns), a talk after midnight that belongs to the day before, an abstract in two languages,
// participants with roles and a break (a MetaEvent, not a talk).
const ROOMS = [
  { type: "LECTURE_HALL", name: "Saal 1", slug: "saal-1", guid: "ba692ba3-421b-5371-8309-60acc34a3c05" },
  { type: "LECTURE_HALL", name: "Saal GLITCH", slug: "saal-glitch", guid: "7202df07-050c-552f-8318-992f94e40ef0" },
  { type: "STAGE", name: "Stage HUFF", slug: "stage-huff", guid: "53f436a0-705b-40eb-974f-2bfce8857b1b" },
];
const [SAAL_1, GLITCH, HUFF] = ROOMS.map(({ name, slug, guid }) => ({ name, slug, guid }));

const event = (fields: Record<string, unknown>) => ({
  type: "TALK",
  subtitle: null,
  language: "en",
  logo: null,
  description: null,
  links: [],
  attachments: [],
  ...fields,
});
const speaker = (guid: string, name: string, role = "SPEAKER") => ({ guid, name, role });

export const SCHEDULE_V2 = {
  $schema: "https://c3voc.de/schema/schedule2",
  schedule: {
    version: "2024-12-26 20:23",
    base_url: "https://events.example.org/hub/",
    conference: {
      acronym: "hubcon24",
      title: "Hub Congress 2024",
      start: "2024-12-27T10:00:00+01:00",
      end: "2024-12-28T18:00:00+01:00",
      time_zone_name: "Europe/Berlin",
      url: "https://events.example.org/",
      languages: ["en", "de"],
      defaults: { theme: "dark", language: "en" },
      tracks: [
        {
          guid: "3dc5daf5-ba21-4577-97e4-fb6e4b5d40e5",
          name: "Security",
          colors: { light: "#0347B4", dark: "#0347B4" },
          slug: "security",
        },
        {
          guid: "3dc5daf5-ba21-4577-97e4-fb6e4b5d40e3",
          name: "Hardware & Making",
          colors: { light: "#685B9D", dark: "#685B9D" },
          slug: "hardware-making",
        },
        {
          guid: "3dc5daf5-ba21-4577-97e4-fb6e4b5d4ccc",
          name: "CCC",
          colors: { light: "#F2F006", dark: "#F2F006" },
          slug: "ccc",
        },
      ],
      rooms: ROOMS,
      days: [
        { index: 1, date: "2024-12-27", start: "2024-12-27T10:00:00+01:00", end: "2024-12-28T06:00:00+01:00" },
        { index: 2, date: "2024-12-28", start: "2024-12-28T06:00:00+01:00", end: "2024-12-28T18:00:00+01:00" },
      ],
    },
    events: [
      event({
        type: "OTHER",
        guid: "270fa44c-821a-577f-8ca3-33e8d4a8c2a7",
        code: "HQCCYH",
        start: "2024-12-27T10:30:00+01:00",
        end: "2024-12-27T11:00:00+01:00",
        room: SAAL_1,
        url: "https://events.example.org/hub/event/hubcon24-opening-ceremony/",
        slug: "hubcon24-opening-ceremony",
        title: "Opening Ceremony",
        track: { slug: "ccc" },
        abstract: { en: "Glad you could make it!", de: "Schön, dass ihr da seid!" },
        participants: [
          speaker("0c16ffaa-709d-599f-959f-9a38b911361a", "Gabriela Bogk"),
          speaker("4cee1e72-681f-5c8b-8dcd-8e58c8f4a445", "Senficon", "CONTRIBUTOR"),
        ],
      }),
      event({
        guid: "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8",
        code: "TPGRNN",
        start: "2024-12-27T11:00:00+01:00",
        end: "2024-12-27T11:40:00+01:00",
        room: { name: GLITCH.name, guid: GLITCH.guid },
        url: "https://events.example.org/hub/event/a-competitive-time-trial-ai/",
        slug: "hubcon24-a-competitive-time-trial-ai",
        title: "A Competitive Time-Trial AI",
        subtitle: "Deep Reinforcement Learning",
        track: { slug: "hardware-making" },
        abstract: "Creating a competitive time-trial AI from scratch.",
        participants: [speaker("51766dc0-326b-554c-993b-0b1ffa9e6a1e", "Sebastian Schwarz")],
      }),
      event({
        guid: "5b1f4d38-8f5a-4a3e-9d7e-2f0b6a1c9e01",
        start: "2024-12-27T11:00:00+01:00",
        end: "2024-12-27T11:40:00+01:00",
        room: { guid: HUFF.guid },
        url: "https://events.example.org/hub/event/fuzzing-basebands/",
        slug: "hubcon24-fuzzing-basebands",
        title: "Fuzzing basebands",
        track: { slug: "security" },
        abstract: "",
        description: "From firmware dumps to crashes.",
        participants: [speaker("9d2c1f0e-3b4a-5c6d-8e7f-0a1b2c3d4e5f", "Kim Minsu")],
      }),
      {
        type: "BREAK",
        title: "Lunch",
        start: "2024-12-27T12:00:00+01:00",
        end: "2024-12-27T13:00:00+01:00",
        room: { guid: SAAL_1.guid },
      },
      event({
        guid: "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f",
        start: "2024-12-27T13:00:00+01:00",
        end: "2024-12-27T14:00:00+01:00",
        room: SAAL_1,
        url: "https://events.example.org/hub/event/secure-boot/",
        slug: "hubcon24-secure-boot",
        title: "Secure boot, broken",
        track: { slug: "security" },
        abstract: "Why the chain of trust breaks.",
        participants: [
          speaker("e1f2a3b4-c5d6-5e7f-8a9b-0c1d2e3f4a5b", "Jane Doe"),
          speaker("f1e2d3c4-b5a6-5978-8695-a4b3c2d1e0f9", "정하늘", "MODERATOR"),
        ],
      }),
      event({
        guid: "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f70",
        start: "2024-12-28T00:15:00+01:00",
        end: "2024-12-28T00:55:00+01:00",
        room: GLITCH,
        url: "https://events.example.org/hub/event/night-hardware/",
        slug: "hubcon24-night-hardware",
        title: "Soldering at midnight",
        track: { slug: "hardware-making" },
        abstract: "A talk after midnight that belongs to the first day.",
        participants: [],
      }),
      event({
        guid: "e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7a81",
        start: "2024-12-28T11:00:00+01:00",
        end: "2024-12-28T11:30:00+01:00",
        room: HUFF,
        url: "https://events.example.org/hub/event/closing/",
        slug: "hubcon24-closing",
        title: "Closing",
        track: { slug: "ccc" },
        language: "de",
        abstract: { en: "Goodbye.", de: "Tschüss." },
        participants: [speaker("0c16ffaa-709d-599f-959f-9a38b911361a", "Gabriela Bogk")],
      }),
    ],
  },
};
