fn main() {
    for p in std::env::args().skip(1) {
        let b = std::fs::read(&p).unwrap();
        match badge_verifier::extract::extract(&b, &badge_verifier::Limits::default()) {
            Ok(e) => println!("{p}: OK {} {:?} {:?}", e.container, &format!("{:?}", e.payload)[..60.min(format!("{:?}", e.payload).len())], e.warnings),
            Err(e) => println!("{p}: ERR {e}"),
        }
    }
}
