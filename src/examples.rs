//! The example gallery: each program with its title and what to watch for while it runs.
//!
//! Every program is a correct CPython 3.11 program; `python3 src/examples/NAME.py` prints what the app shows.

/// One example program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// The gallery button's name.
    pub title: &'static str,
    /// One or two sentences on what to watch.
    pub watch: &'static str,
    pub source: &'static str,
}

pub const EXAMPLES: &[Example] = &[
    Example {
        title: "Hello, tasks",
        watch: "Two coroutines run together under gather. While one sleeps, the other gets the loop.",
        source: include_str!("examples/hello.py"),
    },
    Example {
        title: "Sequential awaits vs create_task",
        watch: "Awaiting coroutines one by one adds their waits up; wrapping them in tasks first overlaps \
                the waits. Compare the two halves of the timeline.",
        source: include_str!("examples/sequential_vs_tasks.py"),
    },
    Example {
        title: "gather",
        watch: "All three requests wait at once; answers arrive fastest first, but gather returns them \
                in the order they were asked.",
        source: include_str!("examples/gather.py"),
    },
    Example {
        title: "A coroutine that never awaits",
        watch: "The hog's long running stretch holds the loop: the heartbeat's timer comes due at \
                0.01 s but cannot fire until the hog finishes, so its sleep runs overdue.",
        source: include_str!("examples/starvation.py"),
    },
    Example {
        title: "time.sleep blocks the loop",
        watch: "asyncio.sleep lets the ticker keep ticking; time.sleep freezes every task for half a \
                second. Findings names the blocked loop: select it to shade the rude task's blocking stretch \
                and mark line 17.",
        source: include_str!("examples/blocking_sleep.py"),
    },
    Example {
        title: "Lost update, then a Lock",
        watch: "Without a lock every task reads the balance before any writes it back, so deposits are \
                lost: select the lost update in Findings to see the read, the other task's write and the stale \
                write on two lanes. With the lock, the others wait in line and Findings names nothing more.",
        source: include_str!("examples/lost_update.py"),
    },
    Example {
        title: "Semaphore bounding concurrency",
        watch: "Six downloads, two slots: never more than two lanes are sleeping at once; the rest wait \
                on the semaphore.",
        source: include_str!("examples/semaphore.py"),
    },
    Example {
        title: "Event",
        watch: "Three runners wait on one Event; a single set() wakes them all at the same instant.",
        source: include_str!("examples/event.py"),
    },
    Example {
        title: "Producer and consumer over a Queue",
        watch: "The queue holds two items. The fast producer waits when it is full; the slow consumer \
                never waits once it starts.",
        source: include_str!("examples/producer_consumer.py"),
    },
    Example {
        title: "wait_for timeout and cancellation",
        watch: "wait_for cancels the slow query after a second; then main cancels a task by hand. Both \
                times the task's cleanup runs before it ends cancelled.",
        source: include_str!("examples/timeout_cancel.py"),
    },
    Example {
        title: "TaskGroup error handling",
        watch: "When one task in the group fails, the group cancels its siblings and raises the \
                failure as an ExceptionGroup, caught with except*.",
        source: include_str!("examples/taskgroup.py"),
    },
    Example {
        title: "Deadlock with two locks",
        watch: "Each task holds one lock and waits for the other's: Findings names the deadlock the moment \
                the cycle closes, and selecting it draws the cycle (who waits for which lock, held by whom). \
                Both lanes stay blocked until main's timeout cancels them.",
        source: include_str!("examples/deadlock.py"),
    },
    Example {
        title: "A forgotten await",
        watch: "save(\"order 2\") makes a coroutine but never awaits it, so its body never runs: no lane \
                appears for it and nothing is saved. Findings points at line 11, where CPython warns.",
        source: include_str!("examples/forgotten_await.py"),
    },
    Example {
        title: "Crawler with bounded concurrency",
        watch: "A semaphore keeps at most two requests in flight while new links keep adding tasks to the \
                group: some lanes wait for httpbin.org, others for the semaphore. The loop panel's Network \
                row shows who waits on the host.",
        source: include_str!("examples/crawler.py"),
    },
    Example {
        title: "Thread pool",
        watch: "Two calls that each wait two seconds run in two worker threads of a ThreadPoolExecutor: \
                both waits overlap, and the GIL lane shows nobody needing it while they sleep.",
        source: include_str!("examples/thread_pool.py"),
    },
    Example {
        title: "Threads race, then a Lock",
        watch: "The GIL changes hands every half millisecond; a thread interrupted between reading and \
                writing the counter writes back a stale value. With the Lock, the others queue on it.",
        source: include_str!("examples/thread_race.py"),
    },
    Example {
        title: "Every outcome: a lost update",
        watch: "CPython's schedule prints 2. Choose Manual as the scheduler and pick who runs at each choice \
                to make it print 1, or press All outcomes: of its schedules, some print 1.",
        source: include_str!("examples/outcomes_race.py"),
    },
    Example {
        title: "Every outcome: a deadlock only some schedules reach",
        watch: "CPython's schedule prints done. All outcomes finds the schedules where each thread holds one \
                lock and waits for the other; open one to watch it happen.",
        source: include_str!("examples/outcomes_deadlock.py"),
    },
    Example {
        title: "Every outcome: the race with a Lock",
        watch: "The lost update's program with a Lock: All outcomes finds a single result, whatever the \
                schedule.",
        source: include_str!("examples/outcomes_lock.py"),
    },
    Example {
        title: "Producer and consumers over queue.Queue",
        watch: "The producer thread blocks on a full queue, the consumers on an empty one; every blocked \
                thread lets go of the GIL.",
        source: include_str!("examples/thread_queue.py"),
    },
    Example {
        title: "The GIL: CPU-bound vs I/O-bound threads",
        watch: "Four threads crunching numbers take turns on the GIL (hatched: waiting for it), so they \
                finish no sooner than one; four threads waiting on I/O sleep side by side.",
        source: include_str!("examples/gil_cpu_vs_io.py"),
    },
    Example {
        title: "asyncio.to_thread rescues a blocked loop",
        watch: "A blocking call inside a coroutine freezes the ticker for half a second (Findings names it \
                at line 8); the same call through to_thread runs in a worker thread's lane while the ticker \
                keeps ticking, and nothing is found there.",
        source: include_str!("examples/to_thread.py"),
    },
    Example {
        title: "A first process",
        watch: "The child process prints while the parent has nothing left to do: at its end, \
                multiprocessing waits for the child to finish.",
        source: include_str!("examples/process_hello.py"),
    },
    Example {
        title: "Process pool",
        watch: "The thread pool's two slow calls, in worker processes: both waits overlap in two \
                seconds, and each worker has a GIL of its own.",
        source: include_str!("examples/process_pool.py"),
    },
    Example {
        title: "fork copies globals",
        watch: "The child adds 100 to its copy of counter; the parent's stays 0. Only the Value, in \
                memory both share, changes for both.",
        source: include_str!("examples/fork_globals.py"),
    },
    Example {
        title: "Pool.map over a list",
        watch: "Four worker processes take the eight items one at a time: two rounds of one second. \
                The results come back in the list's order.",
        source: include_str!("examples/pool_map.py"),
    },
    Example {
        title: "Producer and consumer processes over a Queue",
        watch: "The consumer blocks on the empty queue until the producer, in another process, puts a \
                copy of each item; None ends it.",
        source: include_str!("examples/process_queue.py"),
    },
    Example {
        title: "CPU-bound: tasks, threads, processes",
        watch: "One job three ways: the tasks run one after another, the threads take turns on the GIL, \
                and the processes run side by side on four cores, in a quarter of the time.",
        source: include_str!("examples/cpu_three_ways.py"),
    },
    Example {
        title: "I/O-bound: tasks, threads, processes",
        watch: "Four waits of a second overlap whichever way they run: tasks on one thread, threads, \
                or processes, which cost the most to start.",
        source: include_str!("examples/io_three_ways.py"),
    },
    Example {
        title: "Ten pages: one by one, gather, threads",
        watch: "Ten requests that each take a second: one after another they take ten seconds; with gather \
                or ten threads the network waits overlap. Hover a network wait to see how long the host took.",
        source: include_str!("examples/fetch_three_ways.py"),
    },
    Example {
        title: "Echo server and three clients",
        watch: "The server and its clients are tasks of one program on the simulated loopback: each arrow \
                joins a send to the read that takes it, and the server starts a task per connection.",
        source: include_str!("examples/echo_server.py"),
    },
    Example {
        title: "Timeouts and retries",
        watch: "The host takes three seconds; each attempt waits twice as long as the last. Watch the first \
                two requests cut off by their timeouts, and the third one answered.",
        source: include_str!("examples/retries.py"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_at_least_twelve_distinct_examples() {
        assert!(EXAMPLES.len() >= 12);
        let mut titles: Vec<_> = EXAMPLES.iter().map(|e| e.title).collect();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), EXAMPLES.len());
    }

    #[test]
    fn every_example_runs_asyncio_threads_or_processes() {
        for e in EXAMPLES {
            let concurrent = ["asyncio.run(", "threading", "concurrent.futures", "multiprocessing"];
            assert!(concurrent.iter().any(|c| e.source.contains(c)), "{}", e.title);
            assert!(!e.watch.is_empty());
        }
    }
}
