// Parses the same autosave JSON as POST /api/notes and answers as it does, without a database.
export async function POST(req) {
  const input = await req.json();
  return Response.json({ status: "saved", noteId: input.noteId, version: input.baseVersion + 1 });
}
