//! The app's components: each renders what it is given and reports what the learner did through callbacks.

pub mod controls;
pub mod editor;
pub mod export;
pub mod findings;
pub mod gallery;
pub mod legend;
pub mod loop_panel;
pub mod network;
pub mod output;
pub mod schedule;
pub mod share;
pub mod timeline;
pub mod wait_graph;
