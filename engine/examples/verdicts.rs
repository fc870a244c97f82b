fn main() {
    // Prints the parser's verdict on each file named on the command line (a development aid).
    for path in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&path).unwrap();
        let v = match interleave::parser::parse(&src) {
            Ok(_) => "OK".to_string(),
            Err(e) => format!("{}: {} @ {}:{}", e.kind.name(), e.msg, e.line, e.col),
        };
        println!("{path}\t{v}");
    }
}
