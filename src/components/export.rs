//! Download run, Open run, Download SVG and Download PNG: a run as a file and back, the timeline as a picture.

use std::rc::Rc;

use interleave::runfile::{self, RunFile};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::download;
use crate::run::RunRef;

/// The largest run file opened (a run of the page's two million events takes about 150 MB).
pub const MAX_RUN_FILE: f64 = 256.0 * 1024.0 * 1024.0;

#[derive(PartialEq, Properties)]
pub struct ExportProps {
    pub run: Option<RunRef>,
    /// A run file was read.
    pub onopen: Callback<Rc<RunFile>>,
    /// Something could not be done; the words are for the learner.
    pub onproblem: Callback<String>,
}

#[function_component(Export)]
pub fn export(props: &ExportProps) -> Html {
    let run = props.run.clone();
    let ondownload = {
        let (run, onproblem) = (run.clone(), props.onproblem.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(r) = &run else { return };
            let text = r.run.borrow_mut().to_file();
            if download::save_text("interleave-run.json", "application/json", &text).is_err() {
                onproblem.emit("The run could not be saved.".into());
            }
        })
    };
    let onsvg = {
        let (run, onproblem) = (run.clone(), props.onproblem.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(r) = &run else { return };
            let svg = r.run.borrow().to_svg();
            if download::save_text("interleave-timeline.svg", "image/svg+xml", &svg).is_err() {
                onproblem.emit("The picture could not be saved.".into());
            }
        })
    };
    let onpng = {
        let (run, onproblem) = (run.clone(), props.onproblem.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(r) = &run else { return };
            let svg = r.run.borrow().to_svg();
            let onproblem = onproblem.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(problem) = download::save_png("interleave-timeline.png", &svg).await {
                    onproblem.emit(problem);
                }
            });
        })
    };
    let onchange = {
        let (onopen, onproblem) = (props.onopen.clone(), props.onproblem.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // The same file may be opened again.
            input.set_value("");
            let (onopen, onproblem) = (onopen.clone(), onproblem.clone());
            if file.size() > MAX_RUN_FILE {
                onproblem.emit("This file is larger than a run file can be (256 MB).".into());
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(text) = download::read_text(&file).await else {
                    onproblem.emit("This file could not be read as text.".into());
                    return;
                };
                match runfile::read(&text) {
                    Ok(run) => onopen.emit(Rc::new(run)),
                    Err(e) => onproblem.emit(e.to_string()),
                }
            });
        })
    };
    let none = run.is_none();
    html! {
        <div class="export" role="group" aria-label="Export and open">
            <button type="button" disabled={none} onclick={ondownload}
                    title="Save this run (code, settings and every event) as a JSON file">{ "Download run" }</button>
            <label class="export-open" title="Open a run saved with Download run (or by the command's --trace json)">
                { "Open run" }
                <input type="file" accept=".json,application/json" {onchange} />
            </label>
            <button type="button" disabled={none} onclick={onsvg}
                    title="Save the timeline as an SVG picture">{ "Download SVG" }</button>
            <button type="button" disabled={none} onclick={onpng}
                    title="Save the timeline as a PNG picture">{ "Download PNG" }</button>
        </div>
    }
}
