//! The examples gallery: one button per example program, and what to watch in the chosen one.

use yew::prelude::*;

use crate::examples::EXAMPLES;

#[derive(PartialEq, Properties)]
pub struct GalleryProps {
    pub selected: Option<usize>,
    pub onchoose: Callback<usize>,
}

#[function_component(Gallery)]
pub fn gallery(props: &GalleryProps) -> Html {
    html! {
        <nav class="gallery" aria-label="Examples">
            <h2 class="gallery-title">{ "Examples" }</h2>
            <ul class="gallery-list">
                { for EXAMPLES.iter().enumerate().map(|(i, example)| {
                    let onchoose = props.onchoose.clone();
                    let current = props.selected == Some(i);
                    html! {
                        <li>
                            <button type="button" class="gallery-item"
                                aria-current={current.then_some("true")}
                                onclick={Callback::from(move |_: MouseEvent| onchoose.emit(i))}>
                                { example.title }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if let Some(example) = props.selected.and_then(|i| EXAMPLES.get(i)) {
                <p class="gallery-watch"><strong>{ "What to watch: " }</strong>{ example.watch }</p>
            }
        </nav>
    }
}
