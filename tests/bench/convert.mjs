// Converts a dataset in the product's format (src/model/raw.rs) into what the two comparison libraries
// read, carrying the same content each product shows: one marker and one card per event, with its date,
// title, Russian title, summary, status, confidence and sources (as links); the tracks as groups; the eras
// as bands.
//
//   toTimelineJS(raw) -> TimelineJS 3 JSON: { title, events: [{ start_date, end_date?, text, group,
//                        unique_id }], eras: [{ start_date, end_date, text }] }
//   toVis(raw)        -> { items, groups, span }: vis-timeline items (box for a day, month or year, range
//                        for START/END), one group per track, eras as background items.
// Node 20, built-ins only.

const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> { year, month?, day? } (numbers). */
function parts(date) {
  const [y, m, d] = date.split('-').map(Number);
  return { year: y, ...(m ? { month: m } : {}), ...(d ? { day: d } : {}) };
}

const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const two = (n) => String(n).padStart(2, '0');

/** The first (or, with `last`, the last) day of a partial date, as "YYYY-MM-DD". */
function day(date, last = false) {
  const { year, month, day: d } = parts(date);
  const m = month ?? (last ? 12 : 1);
  return `${year}-${two(m)}-${two(d ?? (last ? daysIn(year, m) : 1))}`;
}

function card(raw, e) {
  const sources = new Map(raw.sources.map((s) => [s.id, s]));
  const items = e.sources
    .map((id) => sources.get(id))
    .filter(Boolean)
    .map((s) => `<li>${s.url ? `<a href="${esc(s.url)}" rel="noopener noreferrer">${esc(s.title)}</a>` : esc(s.title)}</li>`)
    .join('');
  return [
    e.title_ru ? `<p lang="ru">${esc(e.title_ru)}</p>` : '',
    `<p>${esc(e.summary)}</p>`,
    `<p>${esc(e.kind)}${e.status ? `, ${esc(e.status)}` : ''}. Confidence: ${esc(e.confidence)}${e.confidence_note ? ` (${esc(e.confidence_note)})` : ''}</p>`,
    `<ul>${items}</ul>`,
  ].join('');
}

/** TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html). */
export function toTimelineJS(raw) {
  const tracks = new Map(raw.tracks.map((t) => [t.id, t.label]));
  return {
    title: { text: { headline: esc(raw.title), text: raw.description ? `<p>${esc(raw.description)}</p>` : '' } },
    events: raw.events.map((e) => {
      const [start, end] = e.date.split('/');
      return {
        unique_id: e.id,
        start_date: parts(start),
        ...(end ? { end_date: parts(end) } : {}),
        text: { headline: esc(e.title), text: card(raw, e) },
        group: tracks.get(e.track) ?? e.track,
      };
    }),
    eras: (raw.eras ?? []).map((era) => ({
      start_date: parts(era.start),
      end_date: parts(era.end),
      text: { headline: esc(era.label) },
    })),
  };
}

/** vis-timeline DataSet contents: { items, groups, span: [first ms, last ms] }. */
export function toVis(raw) {
  const items = raw.events.map((e) => {
    const [start, end] = e.date.split('/');
    return {
      id: e.id,
      group: e.track,
      content: esc(e.title),
      title: card(raw, e),
      start: day(start),
      ...(end ? { end: day(end, true), type: 'range' } : { type: 'box' }),
      className: `kind-${e.kind} confidence-${e.confidence}`,
    };
  });
  for (const era of raw.eras ?? []) {
    items.push({ id: `era-${era.id}`, content: esc(era.label), start: day(era.start), end: day(era.end, true), type: 'background' });
  }
  const groups = raw.tracks.map((t, order) => ({ id: t.id, content: esc(t.label), order }));
  const times = raw.events.flatMap((e) => e.date.split('/').map((d, i) => Date.parse(day(d, i === 1))));
  return { items, groups, span: [Math.min(...times), Math.max(...times)] };
}
