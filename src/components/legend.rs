//! The timeline's legend: one swatch per task state, in the colours the lanes use.

use yew::prelude::*;

use crate::layout::StateKind;

#[function_component(Legend)]
pub fn legend() -> Html {
    html! {
        <ul class="legend" aria-label="Legend">
            { for StateKind::ALL.iter().map(|k| html! {
                <li>
                    <span class={classes!("legend-swatch", format!("s-{}", k.class()))}></span>
                    { k.label() }
                </li>
            }) }
        </ul>
    }
}
