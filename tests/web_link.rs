//! Share links through the browser's own deflate and inflate: a link made before keeps opening, links round
//! trip, and a deflate bomb or damaged bytes stop with an error, in a real browser.

use interleave_app::link::{self, LinkError, Shared, MAX_PAYLOAD};
use interleave_app::pacing::Speed;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Made by the page when it deflated with miniz_oxide (level 9); `link.rs`'s tests read it natively too.
const OLD_LINK: &str = "v1.PcwxCgIxEAXQfk4xbJWALCKIIMa7xN2RDGSTkETidh7AVrGz9gb2XkWw9Qguq_irz-fzUiBq1WwPqXBujNKuL4Yigc5qAcBd8DGjTr1r2AOMBVvaYqfZCbkEHBIiuywq87hZ6yf4vJ9fpyO-r5cDrjbrSo4nXTT_pTpZoiCm9Vz-0GGLOye-rIQP";

#[wasm_bindgen_test]
async fn a_link_made_before_opens() {
    let shared = link::decode(OLD_LINK).await.unwrap();
    assert!(shared.code.contains("héllo, 世界 😀 <b>"));
    assert_eq!(
        (shared.speed, shared.switch_anywhere, shared.at),
        (Speed::from_label("2x").unwrap(), true, Some(7))
    );
}

#[wasm_bindgen_test]
async fn links_round_trip_through_the_browser() {
    let code = "async def main():\n    print('é😀\\u{0}')\n".repeat(3_000);
    let shared = Shared {
        code,
        at: Some(42),
        autoplay: true,
        ..Shared::default()
    };
    let fragment = link::encode(&shared).await.unwrap();
    assert!(fragment.len() < shared.code.len() / 4, "{}", fragment.len());
    assert_eq!(link::decode(&fragment).await, Ok(shared));
}

#[wasm_bindgen_test]
async fn a_bomb_and_damaged_bytes_are_refused() {
    let bomb = interleave_app::deflate::deflate(&vec![b'\n'; MAX_PAYLOAD * 4])
        .await
        .unwrap();
    assert_eq!(link::decode(&link::fragment(&bomb)).await, Err(LinkError::TooLong));
    let good = link::encode(&Shared::default()).await.unwrap();
    assert_eq!(link::decode(&good[..good.len() - 2]).await, Err(LinkError::Damaged));
    assert_eq!(link::decode("v1.AAAA").await, Err(LinkError::Damaged));
    assert_eq!(link::decode(&format!("{good}AAAA")).await, Err(LinkError::Damaged));
}
