//! The scheduler's side of the page, natively: manual choices, time travel, branches and the exploration.

use super::*;
use crate::examples::EXAMPLES;
use crate::state::OPEN_AT_STEPS;
use crate::state::{Action, Theme};
use yew::Reducible;

fn example(title: &str) -> &'static str {
    EXAMPLES.iter().find(|e| e.title == title).unwrap().source
}

const RACE: &str = "Every outcome: a lost update";

fn reduce(state: Rc<AppState>, actions: Vec<Action>) -> Rc<AppState> {
    actions.into_iter().fold(state, Reducible::reduce)
}

fn fresh(source: &str) -> Rc<AppState> {
    Rc::new(AppState::new(source.into(), Theme::System))
}

fn stdout(s: &AppState) -> String {
    s.run.as_ref().unwrap().run.borrow().printed().0.to_string()
}

/// Runs the live run at once to its next pause (a choice) or its end, as the driver would.
fn settle(s: Rc<AppState>) -> Rc<AppState> {
    let Some(r) = s.run.clone() else { return s };
    r.run.borrow_mut().run_to_events(usize::MAX, OPEN_AT_STEPS);
    let end = if r.run.borrow_mut().is_done() {
        let code = match r.run.borrow_mut().status() {
            interleave::session::Status::Done { exit_code } => exit_code,
            _ => 0,
        };
        crate::pacing::SliceEnd::Done { exit_code: code }
    } else {
        crate::pacing::SliceEnd::Choice
    };
    reduce(s, vec![Action::Progressed(end)])
}

fn sched(m: Msg) -> Action {
    Action::Schedule(m)
}

/// Answers every choice with `pick(question, candidates)` until the run ends.
fn play(mut s: Rc<AppState>, pick: impl Fn(&Pending) -> u32) -> Rc<AppState> {
    for _ in 0..1000 {
        s = settle(s);
        match position(&s) {
            Some((_, Some(p))) => s = reduce(s, vec![sched(Msg::Choose(pick(&p)))]),
            _ => return s,
        }
    }
    panic!("too many choices");
}

fn manual_race() -> Rc<AppState> {
    let s = fresh(example(RACE));
    reduce(s, vec![sched(Msg::Strategy(Strategy::Manual)), Action::Run])
}

#[test]
fn answering_cpythons_candidate_every_time_is_cpythons_run() {
    let s = play(manual_race(), |_| 0);
    assert_eq!(stdout(&s), "counter = 2\n");
    assert_eq!(uncpython(&s), None);
    let b = s.sched.branch().unwrap();
    assert!(b.log.len() >= 2 && b.log.iter().all(|&c| c == 0), "{:?}", b.log);
    assert_eq!(b.outcome.as_ref().map(|o| &*o.0), Some("counter = 2\n"));
}

#[test]
fn switching_threads_between_the_read_and_the_write_loses_an_update() {
    // Thread-1 reads the counter; inside `one()` it lets go of the GIL; the main thread starts Thread-2, which
    // takes the GIL first, reads the same value and writes it; then Thread-1 writes its stale sum.
    let s = manual_race();
    let s = settle(s);
    let (_, pending) = position(&s).unwrap();
    let p = pending.expect("the run waits at a choice");
    let trace = s.run.as_ref().unwrap().run.borrow().trace().clone();
    assert_eq!(candidates(&trace, &p).len() as u32, p.candidates());
    let answers = [0, 1, 0, 0, 1];
    let s = play(s, |_| 0).clone();
    assert_eq!(stdout(&s), "counter = 2\n");
    let mut s = settle(manual_race());
    for a in answers {
        s = settle(reduce(s, vec![sched(Msg::Choose(a))]));
    }
    let s = play(s, |_| 0);
    assert_eq!(stdout(&s), "counter = 1\n");
    assert!(uncpython(&s).is_some());
}

#[test]
fn back_goes_to_the_previous_choice_and_forward_returns() {
    let s = play(manual_race(), |_| 0);
    let total = s.sched.branch().unwrap().log.len();
    let s = reduce(s, vec![sched(Msg::Back)]);
    let (made, pending) = position(&s).unwrap();
    assert_eq!(made, total - 1);
    assert!(pending.is_some());
    assert_eq!(s.phase, Phase::Paused);
    let s = reduce(s, vec![sched(Msg::Back), sched(Msg::Back)]);
    assert_eq!(position(&s).unwrap().0, total - 3);
    let s = reduce(s, vec![sched(Msg::Forward)]);
    assert_eq!(position(&s).unwrap().0, total - 2);
    // One branch all along, its outcome kept.
    assert_eq!(s.sched.branches.len(), 1);
    let s = reduce(s, vec![sched(Msg::Branch(0))]);
    assert!(matches!(s.phase, Phase::Done { .. }));
    assert_eq!(stdout(&s), "counter = 2\n");
}

#[test]
fn another_answer_at_a_past_choice_is_a_branch_and_both_are_kept() {
    let s = play(manual_race(), |_| 0);
    // Back to the last choice of thread switches with another answer than CPython's.
    let mut s = s;
    let mut k;
    loop {
        s = reduce(s, vec![sched(Msg::Back)]);
        let (made, p) = position(&s).unwrap();
        k = made;
        if p.as_ref().is_some_and(|p| p.kind == Kind::Switch) || made == 0 {
            break;
        }
    }
    let s = reduce(s, vec![sched(Msg::Choose(1))]);
    let s = play(s, |_| 0);
    assert_eq!(s.sched.branches.len(), 2);
    assert_eq!(s.sched.current, 1);
    let b = &s.sched.branches[1];
    assert!(
        matches!(b.from, Origin::Fork { branch: 0, choice, .. } if choice == k),
        "{:?}",
        b.from
    );
    assert_eq!(b.log[k], 1);
    assert_eq!(b.log[..k], s.sched.branches[0].log[..k]);
    assert!(b.outcome.is_some());
    // Back to the first branch: its run again, to its end.
    let s = reduce(s, vec![sched(Msg::Branch(0))]);
    assert_eq!(s.sched.current, 0);
    assert_eq!(stdout(&s), "counter = 2\n");
    assert_eq!(s.sched.branches.len(), 2);
}

#[test]
fn a_cpython_run_learns_its_choices_to_go_back() {
    let s = settle(reduce(fresh(example(RACE)), vec![Action::Run]));
    assert!(matches!(s.phase, Phase::Done { .. }));
    let s = reduce(s, vec![sched(Msg::Back)]);
    let (made, pending) = position(&s).unwrap();
    assert!(pending.is_some() && made > 0);
    let b = s.sched.branch().unwrap();
    assert_eq!(made + 1, b.log.len());
    // Going on by CPython from there is the same branch.
    let s = settle(reduce(s, vec![sched(Msg::Continue)]));
    assert_eq!(s.sched.branches.len(), 1);
    assert_eq!(stdout(&s), "counter = 2\n");
}

#[test]
fn a_seeded_random_run_differs_from_cpython_and_says_so_reproducibly() {
    let logs: Vec<_> = (0..2)
        .map(|_| {
            let s = fresh(example(RACE));
            let s = reduce(
                s,
                vec![sched(Msg::Strategy(Strategy::Random)), sched(Msg::Seed(7)), Action::Run],
            );
            let s = settle(s);
            (s.sched.branch().unwrap().log.clone(), uncpython(&s))
        })
        .collect();
    assert_eq!(logs[0], logs[1]);
    assert!(logs[0].1.is_some(), "{:?}", logs[0]);
}

#[test]
fn exploring_in_slices_finds_both_outcomes_and_a_witness_replays_one() {
    let s = reduce(fresh(example(RACE)), vec![sched(Msg::Explore)]);
    let e = s.sched.explore.clone().unwrap();
    let mut t = 0.0;
    let mut clock = || {
        t += 1.0;
        t
    };
    let mut slices = 0;
    while e.slice(&mut clock, 5.0) {
        slices += 1;
    }
    assert!(slices > 1 && !e.is_running());
    let report = e.report.borrow().clone();
    let outs: Vec<_> = report.outcomes.iter().map(|o| o.stdout.as_str()).collect();
    assert_eq!(outs, ["counter = 2\n", "counter = 1\n"]);
    let s = settle(reduce(s, vec![sched(Msg::Witness(1))]));
    assert_eq!(stdout(&s), "counter = 1\n");
    assert!(matches!(s.sched.branch().unwrap().from, Origin::Witness(1)));
}

#[test]
fn stop_ends_an_exploration() {
    let s = reduce(
        fresh(example("Every outcome: a deadlock only some schedules reach")),
        vec![sched(Msg::Explore)],
    );
    let e = s.sched.explore.clone().unwrap();
    let mut t = 0.0;
    let mut clock = || {
        t += 1.0;
        t
    };
    assert!(e.slice(&mut clock, 3.0));
    let s = reduce(s, vec![sched(Msg::StopExplore)]);
    assert!(!e.slice(&mut clock, 3.0));
    assert!(!s.sched.explore.as_ref().unwrap().is_running());
}

#[test]
fn the_lock_collapses_the_outcomes_to_one() {
    let s = reduce(
        fresh(example("Every outcome: the race with a Lock")),
        vec![sched(Msg::Explore)],
    );
    let e = s.sched.explore.clone().unwrap();
    let mut clock = || 0.0;
    while e.slice(&mut clock, 1.0) {}
    let report = e.report.borrow();
    assert_eq!(report.outcomes.len(), 1);
    assert_eq!(report.outcomes[0].stdout, "counter = 2\n");
}

#[test]
fn another_program_drops_the_history_and_the_exploration() {
    let s = play(manual_race(), |_| 0);
    let s = reduce(s, vec![sched(Msg::Explore)]);
    assert!(s.sched.explore.is_some() && !s.sched.branches.is_empty());
    let e = s.sched.explore.clone().unwrap();
    let s = reduce(s, vec![Action::Edit("print(1)\n".into())]);
    assert!(s.sched.explore.is_none() && s.sched.branches.is_empty());
    assert!(!e.is_running());
}

#[test]
fn runs_with_two_seeds_are_two_branches_compared_side_by_side() {
    let s = fresh(example(RACE));
    let s = reduce(
        s,
        vec![sched(Msg::Strategy(Strategy::Random)), sched(Msg::Seed(1)), Action::Run],
    );
    let s = settle(s);
    let s = reduce(s, vec![sched(Msg::Seed(2)), Action::Run]);
    let s = settle(s);
    assert_eq!(s.sched.branches.len(), 2);
    assert_eq!(s.sched.current, 1);
    let (a, b) = (&s.sched.branches[0], &s.sched.branches[1]);
    assert_eq!(
        (&a.from, &b.from),
        (&Origin::Run(Strategy::Random, 1), &Origin::Run(Strategy::Random, 2))
    );
    assert_eq!(b.compare, Some(0));
    assert!(a.outcome.is_some() && b.outcome.is_some());
}

#[test]
fn a_manual_run_saved_to_a_file_opens_as_the_same_run() {
    let mut s = settle(manual_race());
    for a in [0, 1, 0, 0, 1] {
        s = settle(reduce(s, vec![sched(Msg::Choose(a))]));
    }
    let s = play(s, |_| 0);
    assert_eq!(stdout(&s), "counter = 1\n");
    let text = s.run.as_ref().unwrap().run.borrow_mut().to_file();
    let file = interleave::runfile::read(&text).unwrap();
    assert_eq!(file.settings.scheduler, Strategy::Manual);
    let opened = reduce(fresh("print(1)\n"), vec![Action::OpenRun(Rc::new(file))]);
    assert_eq!(opened.notice, None);
    assert_eq!(stdout(&opened), "counter = 1\n");
}
