//! Printable HTML pages (the management report): one self-contained document each, from a
//! template in `templates/` (minijinja, escaped by default) and inline SVG charts.

pub mod charts;
pub mod scorecard_page;
pub mod summary_page;
