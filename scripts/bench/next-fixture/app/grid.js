// Built with webpack (`next build --webpack`): Turbopack, given this directory inside the app's
// tree, bundled the app's own instrumentation.ts and proxy.ts into the fixture.
// The 8 tracks × 12 slots table of the bench's agenda event, as plain server-rendered markup.
const TRACKS = Array.from({ length: 8 }, (_, t) => ({ id: `t${t}`, name: `Track ${t + 1}`, room: `Room ${100 + t}` }));
const SLOTS = Array.from({ length: 12 }, (_, s) => {
  const start = 9 * 60 + s * 50;
  const hm = (m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return { id: `s${s}`, label: `${hm(start)}–${hm(start + 40)}` };
});

export function Grid() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Tracks</th>
          {TRACKS.map((t) => (
            <th key={t.id} scope="col">
              {t.name}
              <span>{t.room}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {SLOTS.map((s, si) => (
          <tr key={s.id}>
            <th scope="row">{s.label}</th>
            {TRACKS.map((t) => (
              <td key={t.id}>
                <article>
                  <a
                    href={`/talks/${t.id}-${s.id}`}
                  >{`${t.name}, slot ${si + 1}: AWS Lambda와 DynamoDB로 서버리스 아키텍처 만들기`}</a>
                  <p>Speaker {si + 1}</p>
                </article>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
