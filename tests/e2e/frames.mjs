// Records a page's frames and long tasks while something runs in it, for the benchmarks (bench.mjs,
// proc-bench.mjs). Frame times come from requestAnimationFrame timestamps in the page, long tasks from
// Chromium's Long Tasks API (tasks over 50 ms).

/** Starts recording frame timestamps and long tasks in the page. */
export async function startRecording(page) {
  await page.evaluate(() => {
    const rec = { frames: [], long: [], on: true };
    window.__bench = rec;
    const tick = (t) => {
      if (!rec.on) return;
      rec.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    rec.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.long.push(e.duration);
    });
    rec.observer.observe({ type: 'longtask' });
  });
}

/** Stops recording and summarises: frame intervals and long tasks. */
export async function stopRecording(page) {
  return page.evaluate(() => {
    const rec = window.__bench;
    rec.on = false;
    rec.observer.disconnect();
    const gaps = rec.frames.slice(1).map((t, i) => t - rec.frames[i]).sort((a, b) => a - b);
    const pct = (p) => (gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] : 0);
    return {
      frames: rec.frames.length,
      seconds: rec.frames.length > 1 ? (rec.frames.at(-1) - rec.frames[0]) / 1000 : 0,
      median: pct(0.5),
      p99: pct(0.99),
      max: gaps.at(-1) ?? 0,
      over50: gaps.filter((g) => g > 50).length,
      longTasks: rec.long.length,
      longestTask: rec.long.length ? Math.max(...rec.long) : 0,
    };
  });
}

export function ms(x) {
  return `${x.toFixed(1)} ms`;
}

/** One line on a recording: frames, their intervals, the frames over 50 ms and the long tasks. */
export function summary(label, s) {
  return `${label}: ${s.frames} frames over ${s.seconds.toFixed(1)} s; frame interval median ${ms(s.median)}, ` +
    `p99 ${ms(s.p99)}, max ${ms(s.max)}; ${s.over50} frames over 50 ms; ${s.longTasks} long tasks` +
    (s.longTasks ? ` (longest ${ms(s.longestTask)})` : '');
}
