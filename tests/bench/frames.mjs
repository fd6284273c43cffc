// Frame costs from a Chrome trace, and playback started in the product's page, the same way for
// bench.mjs and playing.mjs.

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
];

export function percentile(values, p) {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * Time the software compositor spent drawing per frame it drew (the display compositor's
 * `SoftwareRenderer::DoDrawQuad`, which needs the `viz` category), ms; NaN if the trace has none.
 */
export function compositorDrawing(trace) {
  const events = trace.traceEvents ?? trace;
  let drawing = 0;
  let frames = 0;
  for (const e of events) {
    if (e.ph !== 'X') continue;
    if (e.name === 'SoftwareRenderer::DoDrawQuad') drawing += e.dur ?? 0;
    else if (e.name === 'DirectRenderer::DrawFrame') frames++;
  }
  return frames ? drawing / 1000 / frames : NaN;
}

/**
 * Main-thread work per frame, from a Chrome trace. The renderer main thread is the CrRendererMain thread
 * with the most BeginMainThreadFrame events. A frame's task is the top-level task (RunTask) in which a
 * BeginMainThreadFrame is emitted: it runs the animation frame callbacks, style, layout, paint and the
 * commit. A frame's cost is the sum of the durations of the top-level main-thread tasks that start after
 * the previous frame's task ended, up to and including its own task: the input handlers, timers and
 * microtasks whose results it shows, plus its rendering. Idle time is not counted, nor is rasterisation,
 * which runs on other threads. The frames of several traces are pooled by pooledCosts.
 */
export function frameCosts(trace) {
  return costsOf(framesOf(trace));
}

/**
 * The figures of the frames of one or more traces, each reduced by framesOf (which lets a caller drop a
 * trace once it is read): with several, the percentiles are over all their frames, the frame rate over
 * their spans together, and `traces` holds each one's own figures, to show how far one trace's p95 moves
 * from another's.
 */
export function pooledCosts(parts) {
  if (parts.length === 1) return costsOf(parts[0]);
  const all = { frames: parts.flatMap((t) => t.frames), span: parts.reduce((a, t) => a + t.span, 0), wheels: parts.reduce((a, t) => a + t.wheels, 0) };
  return { ...costsOf(all), traces: parts.map((t) => costsOf(t)) };
}

/** The renderer's main thread in a trace (`pid:tid`): the CrRendererMain thread with the most frames. */
function mainThread(events) {
  const key = (e) => `${e.pid}:${e.tid}`;
  const names = new Map();
  const frameCount = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(key(e), e.args?.name);
    if (e.name === 'BeginMainThreadFrame') frameCount.set(key(e), (frameCount.get(key(e)) ?? 0) + 1);
  }
  let main = null;
  let best = 0;
  for (const [k, n] of frameCount) {
    if (names.get(k) === 'CrRendererMain' && n > best) [main, best] = [k, n];
  }
  if (!main) throw new Error('no renderer main thread with frames in the trace');
  return main;
}

/**
 * One trace's frames (see frameCosts), the seconds they span, the wheel events among them and the
 * main thread they were found on (`pid:tid`).
 */
export function framesOf(trace) {
  const events = trace.traceEvents ?? trace;
  const key = (e) => `${e.pid}:${e.tid}`;
  const main = mainThread(events);
  const mine = events.filter((e) => key(e) === main);
  const tasks = mine.filter((e) => e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const top = [];
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts >= end) {
      top.push(t);
      end = t.ts + (t.dur ?? 0);
    }
  }
  const begins = mine.filter((e) => e.name === 'BeginMainThreadFrame').map((e) => e.ts).sort((a, b) => a - b);
  const frameTaskIx = [];
  let j = 0;
  for (const ts of begins) {
    while (j < top.length && top[j].ts + top[j].dur < ts) j++;
    if (j < top.length && top[j].ts <= ts && frameTaskIx.at(-1) !== j) frameTaskIx.push(j);
  }
  const wheels = mine.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'wheel').map((e) => e.ts);
  // Breakdown: script (JavaScript and WebAssembly: animation frame callbacks, event handlers, timers,
  // microtasks; nested events merged) and the commit to the compositor; the rest is style, layout,
  // paint and the browser's own work.
  const merged = (names) => {
    const spans = mine
      .filter((e) => e.ph === 'X' && names.includes(e.name))
      .map((e) => [e.ts, e.ts + (e.dur ?? 0)])
      .sort((a, b) => a[0] - b[0]);
    const out = [];
    for (const [a, b] of spans) {
      if (out.length && a <= out.at(-1)[1]) out.at(-1)[1] = Math.max(out.at(-1)[1], b);
      else out.push([a, b]);
    }
    return out;
  };
  const overlap = (spans, from, to) => {
    let sum = 0;
    for (const [a, b] of spans) {
      if (a >= to) break;
      if (b > from) sum += Math.min(b, to) - Math.max(a, from);
    }
    return sum;
  };
  const scriptSpans = merged(['FireAnimationFrame', 'FunctionCall', 'EventDispatch', 'TimerFire', 'RunMicrotasks', 'EvaluateScript']);
  const commitSpans = merged(['Commit']);
  const frames = [];
  for (let i = 1; i < frameTaskIx.length; i++) {
    const prev = top[frameTaskIx[i - 1]];
    const own = top[frameTaskIx[i]];
    let cost = 0;
    for (let k = frameTaskIx[i - 1] + 1; k <= frameTaskIx[i]; k++) cost += top[k].dur;
    const from = prev.ts + prev.dur;
    const to = own.ts + own.dur;
    const windowStart = top[frameTaskIx[i - 1] + 1]?.ts ?? from;
    frames.push({
      ts: own.ts,
      cost: cost / 1000,
      task: own.dur / 1000,
      script: overlap(scriptSpans, windowStart, to) / 1000,
      commit: overlap(commitSpans, windowStart, to) / 1000,
      wheel: wheels.some((w) => w > from && w <= to),
    });
  }
  const span = frames.length > 1 ? (frames.at(-1).ts - frames[0].ts) / 1e6 : NaN;
  return { frames, span, wheels: wheels.length, main };
}

/** Categories a trace needs for frameKinds, beyond TRACE_CATEGORIES. */
export const KIND_CATEGORIES = ['blink', 'v8'];

/**
 * What the main thread did in each frame of a trace (taken with KIND_CATEGORIES too), for telling which
 * work the dear frames do. A frame is, in this order: `layout` if it laid out more than 25 objects of
 * the page at once (a new event card, items added to a list), `image` if it handed a canvas's pixels to
 * the compositor in more than 0.3 ms (a layer drawn on, resized or made; the scene's new image), `gc` if
 * a garbage collection took more than 0.5 ms of it, `other` otherwise. Returns, for each kind, the
 * frames' costs, and the trace's p95.
 */
export function frameKinds(trace) {
  const events = trace.traceEvents ?? trace;
  const { frames, main } = framesOf(trace);
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const kinds = { layout: [], image: [], gc: [], other: [] };
  let k0 = 0;
  for (let i = 1; i < frames.length; i++) {
    const from = frames[i - 1].ts + frames[i - 1].task * 1000;
    const to = frames[i].ts + frames[i].task * 1000;
    while (k0 < mine.length && mine[k0].ts < from) k0++;
    let layout = false;
    let image = false;
    let gc = false;
    for (let k = k0; k < mine.length && mine[k].ts < to; k++) {
      const e = mine[k];
      if (e.name === 'Layout' && (e.args?.beginData?.dirtyObjects ?? 0) > 25) layout = true;
      else if (e.name === 'Canvas2DResourceProvider::ProduceCanvasResource' && e.dur > 300) image = true;
      else if ((e.name === 'MajorGC' || e.name === 'MinorGC') && e.dur > 500) gc = true;
    }
    kinds[layout ? 'layout' : image ? 'image' : gc ? 'gc' : 'other'].push(frames[i].cost);
  }
  return { kinds, p95: percentile(frames.map((f) => f.cost), 95) };
}

/** The figures of frames read from traces by framesOf: percentiles of their costs, and so on. */
function costsOf({ frames, span, wheels }) {
  const stats = (list) => {
    const c = list.map((f) => f.cost);
    return {
      frames: list.length,
      p50: percentile(c, 50),
      p95: percentile(c, 95),
      max: c.length ? Math.max(...c) : NaN,
      mean: c.length ? c.reduce((a, b) => a + b, 0) / c.length : NaN,
      taskP95: percentile(list.map((f) => f.task), 95),
      scriptP50: percentile(list.map((f) => f.script), 50),
      scriptP95: percentile(list.map((f) => f.script), 95),
      commitP50: percentile(list.map((f) => f.commit), 50),
      commitP95: percentile(list.map((f) => f.commit), 95),
    };
  };
  return { ...stats(frames), fps: frames.length / span, seconds: span, wheel: stats(frames.filter((f) => f.wheel)), wheelEvents: wheels };
}

/** Playback in the product: Loop on, then Play; resolves once it plays (the callers let it settle). */
export async function playOurs(page) {
  await page.evaluate(() => {
    const loop = document.querySelector('#loop');
    if (!loop.checked) loop.click();
    if (document.querySelector('#play').getAttribute('aria-pressed') !== 'true') document.querySelector('#play').click();
  });
  await page.waitForFunction(() => document.querySelector('#play').getAttribute('aria-pressed') === 'true');
}
