//! Times the interpreter's hot paths (calls, loops, task switches, queues) on small fixed workloads.
//!
//! `cargo bench -p interleave` prints the best of five runs of each; `BENCHMARKS.md` has the side-by-side
//! comparison with CPython, made with `../shared/bench/compare.py`.

use std::time::{Duration, Instant};

const WORKLOADS: &[(&str, &str)] = &[
    (
        "calls",
        "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(20))\n",
    ),
    (
        "loop",
        "t = 0\nfor i in range(200000):\n    t += i * i % 7\nprint(t)\n",
    ),
    (
        "attributes",
        "class P:\n    def __init__(self):\n        self.x = 0\n    def bump(self):\n        self.x += 1\np = P()\nfor _ in range(100000):\n    p.bump()\nprint(p.x)\n",
    ),
    (
        "switch",
        "import asyncio\nasync def w():\n    for _ in range(2000):\n        await asyncio.sleep(0)\nasync def main():\n    await asyncio.gather(*(w() for _ in range(20)))\nasyncio.run(main())\n",
    ),
    (
        "queue",
        "import asyncio\nasync def main():\n    q = asyncio.Queue(maxsize=10)\n    async def prod():\n        for i in range(20000):\n            await q.put(i)\n        await q.put(None)\n    async def cons():\n        n = 0\n        while (await q.get()) is not None:\n            n += 1\n        print(n)\n    await asyncio.gather(prod(), cons())\nasyncio.run(main())\n",
    ),
];

fn main() {
    for (name, src) in WORKLOADS {
        let mut best = Duration::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            let r = interleave::run_source("bench.py", src);
            best = best.min(t.elapsed());
            assert_eq!(r.exit_code, 0, "{name}: {}", r.stderr);
        }
        println!("{name:12} {:>9.3} ms", best.as_secs_f64() * 1e3);
    }
}
