//! The app's entry point: Trunk builds this binary to wasm and calls `main` when the page loads.

fn main() {
    interleave_app::start();
}
