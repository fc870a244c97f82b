//! The standard library as far as Interleave has it: a module CPython has and Interleave does not yet fails with
//! a ModuleNotFoundError that says so, any other missing module keeps CPython's plain message, and a program can
//! catch either.

use interleave::session::{Config, Session};

fn stdout_of(source: &str) -> String {
    let mut s = Session::new(source, Config::default());
    let code = s.run_to_end();
    assert_eq!(code, 0, "{}", s.stderr());
    s.stdout().to_string()
}

#[test]
fn missing_standard_modules_say_it_is_interleave_that_lacks_them() {
    let out = stdout_of(
        "try:\n    import re\nexcept ModuleNotFoundError as e:\n    print(e)\n\
         try:\n    from csv import reader\nexcept ImportError as e:\n    print(e)\n\
         try:\n    import no_such_module_anywhere\nexcept ModuleNotFoundError as e:\n    print(e)\n",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "No module named 're': Interleave runs a part of Python's standard library, and 're' is not in it yet",
            "No module named 'csv': Interleave runs a part of Python's standard library, and 'csv' is not in it yet",
            "No module named 'no_such_module_anywhere'",
        ]
    );
}
