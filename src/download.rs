//! Saving files from the page (a run file, the timeline as SVG or PNG) and reading the file a learner opens.

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url,
};

/// The tallest PNG drawn, in pixels: browsers refuse canvases past 32,767 pixels a side.
const MAX_PNG_SIDE: u32 = 32_000;

/// Saves `text` as a download called `name`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&text.into()), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    follow(name, &url)?;
    // The download has started by then; the URL would otherwise keep the file's bytes for the page's life.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Saves the SVG picture `svg` as a PNG called `name`, at twice its size when that fits.
pub async fn save_png(name: &str, svg: &str) -> Result<(), String> {
    let failed = |_| "The picture could not be drawn as a PNG; Download SVG still works.".to_string();
    let image = HtmlImageElement::new().map_err(failed)?;
    // A data URL, which the Content-Security-Policy allows for images (a blob: URL it does not).
    let data = js_sys::encode_uri_component(svg);
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", String::from(data)));
    JsFuture::from(image.decode()).await.map_err(failed)?;
    let (width, height) = (image.natural_width().max(1), image.natural_height().max(1));
    let scale = if width.max(height) * 2 <= MAX_PNG_SIDE { 2 } else { 1 };
    if width.max(height) * scale > MAX_PNG_SIDE {
        return Err("The timeline has too many lanes for a PNG; Download SVG instead.".into());
    }
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").map_err(failed)?.unchecked_into();
    canvas.set_width(width * scale);
    canvas.set_height(height * scale);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("no canvas")?
        .unchecked_into();
    context.scale(scale as f64, scale as f64).map_err(failed)?;
    context
        .draw_image_with_html_image_element(&image, 0.0, 0.0)
        .map_err(failed)?;
    let png = canvas.to_data_url_with_type("image/png").map_err(failed)?;
    follow(name, &png).map_err(failed)
}

/// Follows a link to `href` that downloads it as `name`.
fn follow(name: &str, href: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(href);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// The text of a file the learner picked.
pub async fn read_text(file: &Blob) -> Result<String, JsValue> {
    JsFuture::from(file.text())
        .await?
        .as_string()
        .ok_or_else(|| "not text".into())
}
