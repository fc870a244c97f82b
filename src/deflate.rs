//! Raw deflate (RFC 1951) by the browser's own `CompressionStream` and `DecompressionStream("deflate-raw")`,
//! for share links: no compression code in the bundle (Chromium 103, Firefox 113, Safari 16.4 and later).
//!
//! The bytes go through the stream as a `Blob`'s stream piped through the transform, and come out chunk by
//! chunk, so that inflating stops, and the stream is cancelled, as soon as the output passes its limit.

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair, WritableStream};

#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}

/// Why bytes did not come through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The browser has no such stream.
    Unsupported,
    /// The output would pass the limit.
    TooLong,
    /// Not raw deflate: cut short, changed, or followed by other bytes.
    Damaged,
}

/// `bytes` raw-deflated (the browser's level, zlib's default).
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    let stream = CompressionStream::new("deflate-raw").map_err(|_| Failure::Unsupported)?;
    pipe(bytes, &stream.readable(), &stream.writable(), usize::MAX).await
}

/// The bytes `packed` inflates to, at most `limit` of them.
pub async fn inflate(packed: &[u8], limit: usize) -> Result<Vec<u8>, Failure> {
    let stream = DecompressionStream::new("deflate-raw").map_err(|_| Failure::Unsupported)?;
    pipe(packed, &stream.readable(), &stream.writable(), limit).await
}

async fn pipe(
    bytes: &[u8],
    readable: &ReadableStream,
    writable: &WritableStream,
    limit: usize,
) -> Result<Vec<u8>, Failure> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(|_| Failure::Unsupported)?;
    // `pipeThrough` handles the writing side's errors; they reach the reader as a failed read.
    let out = blob
        .stream()
        .pipe_through(&ReadableWritablePair::new(readable, writable));
    let reader: ReadableStreamDefaultReader = out.get_reader().unchecked_into();
    let mut result = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| Failure::Damaged)?;
        if Reflect::get(&chunk, &"done".into()).is_ok_and(|d| d.is_truthy()) {
            return Ok(result);
        }
        let Ok(value) = Reflect::get(&chunk, &"value".into()).and_then(|v| v.dyn_into::<Uint8Array>()) else {
            return Err(Failure::Damaged);
        };
        if value.length() as usize > limit.saturating_sub(result.len()) {
            // Stop inflating: what is left is never produced.
            let _ = reader.cancel();
            return Err(Failure::TooLong);
        }
        let at = result.len();
        result.resize(at + value.length() as usize, 0);
        value.copy_to(&mut result[at..]);
    }
}
