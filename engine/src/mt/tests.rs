//! Checks `crate::mt` against python3.11's `random` module (expected values printed by python3.11).

use super::*;

fn big(n: i64) -> BigInt {
    BigInt::from(n)
}

fn seeded(n: i64) -> Random {
    Random::new(&big(n))
}

#[test]
fn random_floats() {
    let mut r = seeded(42);
    let got: Vec<f64> = (0..3).map(|_| r.random()).collect();
    assert_eq!(got, [0.6394267984578837, 0.025010755222666936, 0.27502931836911926]);
    let mut r = seeded(-5);
    assert_eq!(r.random(), 0.6229016948897019);
    let mut r = Random::new(&(BigInt::one() << 100u32));
    assert_eq!(r.random(), 0.7586581712996778);
    let mut r = seeded(0);
    r.seed_hash(crate::pynum::hash_num(&crate::pynum::Num::Float(1.5)));
    assert_eq!(r.random(), 0.551763726942059);
    let mut r = seeded(1);
    assert_eq!(r.random(), 0.13436424411240122);
}

#[test]
fn string_and_bytes_seeds() {
    let mut r = Random::default();
    r.seed_bytes("hello".as_bytes());
    assert_eq!(r.random(), 0.3537754404730722);
    r.seed_bytes(b"abc");
    assert_eq!(r.random(), 0.7720246314157545);
    r.seed_bytes(b"");
    assert_eq!(r.random(), 0.9602256525641875);
    r.seed_bytes("x".repeat(200).as_bytes());
    assert_eq!(r.randint(&big(1), &big(6)), Ok(big(6)));
}

#[test]
fn integers() {
    let mut r = seeded(0);
    let got: Vec<BigInt> = (0..10).map(|_| r.randint(&big(1), &big(100)).unwrap()).collect();
    let want: Vec<BigInt> = [50, 98, 54, 6, 34, 66, 63, 52, 39, 62].map(big).to_vec();
    assert_eq!(got, want);

    let mut r = seeded(5);
    let a: Vec<BigInt> = (0..6)
        .map(|_| r.randrange(&big(0), Some(&big(100)), Some(&big(7))).unwrap())
        .collect();
    assert_eq!(a, [63, 28, 77, 35, 84, 77].map(big).to_vec());
    let b: Vec<BigInt> = (0..6)
        .map(|_| r.randrange(&big(10), Some(&big(-10)), Some(&big(-3))).unwrap())
        .collect();
    assert_eq!(b, [-8, -5, -5, -2, 10, -8].map(big).to_vec());
    let huge = BigInt::from(10).pow(30u32);
    assert_eq!(
        r.randrange(&huge, None, None).unwrap().to_string(),
        "312424907062292339370358934491"
    );

    let mut r = seeded(6);
    assert_eq!(
        r.getrandbits(100).unwrap().to_string(),
        "144350071327281755801502897662"
    );
    assert_eq!(r.getrandbits(32), Ok(big(2083207870)));
    assert_eq!(r.getrandbits(1), Ok(big(1)));
    assert_eq!(r.getrandbits(64).unwrap().to_string(), "679259829289197625");
    assert_eq!(r.getrandbits(33), Ok(big(1940104)));
    assert_eq!(r.getrandbits(0), Ok(big(0)));

    let mut r = seeded(8);
    assert_eq!(r.random(), 0.2267058593810488);
    let lim = BigInt::from(10).pow(20u32);
    assert_eq!(r.randint(&-&lim, &lim).unwrap().to_string(), "-56182167583881365593");
}

#[test]
fn sequences() {
    let mut r = seeded(1);
    let mut l: Vec<i32> = (0..10).collect();
    r.shuffle(&mut l);
    assert_eq!(l, [6, 8, 9, 7, 5, 3, 0, 4, 1, 2]);

    let mut r = seeded(2);
    assert_eq!(r.sample_indices(100, 5), Ok(vec![7, 11, 10, 46, 21]));
    let mut r = seeded(2);
    assert_eq!(r.sample_indices(10, 5), Ok(vec![0, 1, 8, 2, 7]));
    let mut r = seeded(3);
    let set_path = r.sample_indices(1000, 50).unwrap();
    assert_eq!(&set_path[..10], [243, 606, 557, 133, 378, 937, 618, 485, 640, 594]);
    assert_eq!(set_path[49], 31);
    let mut r = seeded(3);
    let pool_path = r.sample_indices(200, 50).unwrap();
    assert_eq!(&pool_path[..10], [60, 151, 139, 33, 94, 154, 121, 160, 148, 16]);
    assert_eq!(pool_path[49], 126);
    let mut r = seeded(42);
    assert_eq!(r.sample_indices(7, 7), Ok(vec![5, 0, 6, 2, 4, 3, 1]));
    assert_eq!(r.sample_indices(30, 6), Ok(vec![23, 3, 21, 29, 17, 2]));

    let mut r = seeded(4);
    let picks: String = (0..8).map(|_| b"abcdefg"[r.choice_index(7).unwrap()] as char).collect();
    assert_eq!(picks, "bcafddba");

    let mut r = seeded(7);
    assert_eq!(r.choices_indices(3, None, 5), Ok(vec![0, 0, 1, 0, 1]));
    assert_eq!(
        r.choices_indices(3, Some(&[1.0, 6.0, 16.0]), 6),
        Ok(vec![1, 0, 2, 0, 2, 1])
    );
    assert_eq!(
        r.choices_indices(4, Some(&[1.0, 1.0, 5.0, 6.0]), 5),
        Ok(vec![0, 2, 2, 0, 2])
    );
}

#[test]
fn floats() {
    let mut r = seeded(0);
    assert_eq!(r.uniform(1.0, 10.0), 8.599796663725433);
    assert_eq!(r.gauss(0.0, 1.0), 0.05219198828260849);
    assert_eq!(r.gauss(0.0, 1.0), -1.0434089742005737);
    assert_eq!(r.gauss(5.0, 2.0), 4.865986968541884);
}

#[test]
fn errors() {
    let mut r = seeded(0);
    let msg = |e: PyRes<BigInt>| e.map_err(|e| format!("{}: {}", e.kind, e.msg)).unwrap_err();
    assert_eq!(
        msg(r.randrange(&big(0), None, None)),
        "ValueError: empty range for randrange()"
    );
    assert_eq!(
        msg(r.randrange(&big(-5), None, None)),
        "ValueError: empty range for randrange()"
    );
    assert_eq!(
        msg(r.randrange(&big(5), Some(&big(5)), None)),
        "ValueError: empty range for randrange() (5, 5, 0)"
    );
    assert_eq!(
        msg(r.randrange(&big(5), Some(&big(3)), None)),
        "ValueError: empty range for randrange() (5, 3, -2)"
    );
    assert_eq!(
        msg(r.randrange(&big(0), Some(&big(10)), Some(&big(0)))),
        "ValueError: zero step for randrange()"
    );
    assert_eq!(
        msg(r.randrange(&big(10), Some(&big(0)), Some(&big(2)))),
        "ValueError: empty range for randrange()"
    );
    assert_eq!(
        msg(r.randrange(&big(5), None, Some(&big(2)))),
        "TypeError: Missing a non-None stop argument"
    );
    assert_eq!(
        msg(r.randint(&big(5), &big(3))),
        "ValueError: empty range for randrange() (5, 4, -1)"
    );
    assert_eq!(r.randint(&big(3), &big(3)), Ok(big(3)));
    assert_eq!(
        msg(r.getrandbits(-1)),
        "ValueError: number of bits must be non-negative"
    );
    assert_eq!(r.getrandbits(1 << 40).unwrap_err().kind, "OverflowError");
    assert_eq!(r.getrandbits(1 << 30).unwrap_err().kind, "MemoryError");
    assert_eq!(
        r.sample_indices(3, 4).unwrap_err().msg,
        "Sample larger than population or is negative"
    );
    assert_eq!(
        r.sample_indices(3, -1).unwrap_err().msg,
        "Sample larger than population or is negative"
    );
    assert_eq!(
        r.choice_index(0).unwrap_err().msg,
        "Cannot choose from an empty sequence"
    );
    assert_eq!(
        r.choices_indices(1, Some(&[0.0]), 1).unwrap_err().msg,
        "Total of weights must be greater than zero"
    );
    assert_eq!(
        r.choices_indices(2, Some(&[1.0]), 1).unwrap_err().msg,
        "The number of weights does not match the population"
    );
    assert_eq!(
        r.choices_indices(1, Some(&[f64::INFINITY]), 1).unwrap_err().msg,
        "Total of weights must be finite"
    );
}
