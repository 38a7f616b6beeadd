//! Hand-made inline SVG: one strip plot per metric, a row per series, with
//! every document's value as a dot (up to [`MAX_DOTS`]; a box of the
//! quartiles and the range always), and the mean with its 95% interval in
//! red. Text (labels, tooltips) goes through `maud`, so it is escaped.

use maud::{Markup, html};

use crate::report::stats::quantile_sorted;

/// Above this many values a row shows its box only, so a chart's size is
/// bounded whatever the corpus.
pub const MAX_DOTS: usize = 300;

const WIDTH: f64 = 760.0;
const LABEL: f64 = 190.0;
const RIGHT: f64 = 20.0;
const ROW: f64 = 24.0;
const TOP: f64 = 10.0;
const AXIS: f64 = 30.0;

/// One row of a strip plot.
#[derive(Debug, Clone)]
pub struct Series {
    /// The row's label.
    pub label: String,
    /// One value per document.
    pub values: Vec<f64>,
    /// The mean shown (the report's, not recomputed here).
    pub mean: f64,
    /// The 95% interval of the mean.
    pub ci: (f64, f64),
}

/// The `[low, high]` a chart of `series` spans: `[0, ⌈max⌉]` in tenths for
/// scores (at most 1 for a `fraction`), symmetric around 0 for differences
/// (`centered`).
pub fn domain(series: &[Series], centered: bool, fraction: bool) -> (f64, f64) {
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().chain([&s.ci.0, &s.ci.1]))
        .filter(|v| v.is_finite())
        .fold(0.0f64, |a, v| a.max(v.abs()));
    let top = ((max * 10.0).ceil() / 10.0).max(0.1);
    match (centered, fraction) {
        (true, _) => (-top, top),
        (false, true) => (0.0, top.min(1.0)),
        (false, false) => (0.0, top),
    }
}

fn sorted_finite(values: &[f64]) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    sorted
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

/// A strip plot of `series` over `domain`, `title` read by screen readers.
pub fn strip_plot(title: &str, series: &[Series], domain: (f64, f64)) -> Markup {
    let height = TOP + ROW * series.len() as f64 + AXIS;
    let plot = WIDTH - LABEL - RIGHT;
    let (lo, hi) = domain;
    let x = |v: f64| LABEL + (v.clamp(lo, hi) - lo) / (hi - lo) * plot;
    let ticks: Vec<f64> = (0..=4).map(|i| lo + (hi - lo) * f64::from(i) / 4.0).collect();
    let bottom = TOP + ROW * series.len() as f64;
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" role="img" width=(WIDTH) height=(fmt(height))
            viewBox=(format!("0 0 {WIDTH} {height:.1}")) {
            title { (title) }
            @for t in &ticks {
                line x1=(fmt(x(*t))) x2=(fmt(x(*t))) y1=(fmt(TOP)) y2=(fmt(bottom)) class="grid" {}
                text x=(fmt(x(*t))) y=(fmt(bottom + 16.0)) text-anchor="middle" class="tick" { (format!("{t:.2}")) }
            }
            @if lo < 0.0 {
                line x1=(fmt(x(0.0))) x2=(fmt(x(0.0))) y1=(fmt(TOP)) y2=(fmt(bottom)) class="zero" {}
            }
            @for (i, s) in series.iter().enumerate() {
                @let y = TOP + ROW * i as f64 + ROW / 2.0;
                text x=(fmt(LABEL - 8.0)) y=(fmt(y + 4.0)) text-anchor="end" class="label" { (s.label) }
                @let sorted = sorted_finite(&s.values);
                @if !sorted.is_empty() {
                    @let (q1, q2, q3) = (quantile_sorted(&sorted, 0.25), quantile_sorted(&sorted, 0.5), quantile_sorted(&sorted, 0.75));
                    line.whisker x1=(fmt(x(sorted[0]))) x2=(fmt(x(sorted[sorted.len() - 1]))) y1=(fmt(y)) y2=(fmt(y)) {}
                    rect.box x=(fmt(x(q1))) y=(fmt(y - 7.0)) width=(fmt((x(q3) - x(q1)).max(1.0))) height="14" {
                        title { (format!("{}: n = {}, quartiles {q1:.3} / {q2:.3} / {q3:.3}", s.label, sorted.len())) }
                    }
                    line.median x1=(fmt(x(q2))) x2=(fmt(x(q2))) y1=(fmt(y - 7.0)) y2=(fmt(y + 7.0)) {}
                    @if s.values.len() <= MAX_DOTS {
                        @for (j, v) in s.values.iter().enumerate().filter(|(_, v)| v.is_finite()) {
                            circle.dot cx=(fmt(x(*v))) cy=(fmt(y + ((j * 7919) % 11) as f64 - 5.0)) r="1.8" {}
                        }
                    }
                    line.ci x1=(fmt(x(s.ci.0))) x2=(fmt(x(s.ci.1))) y1=(fmt(y)) y2=(fmt(y)) {}
                    circle.mean cx=(fmt(x(s.mean))) cy=(fmt(y)) r="4" {
                        title { (format!("{}: mean {:.4} [{:.4}, {:.4}]", s.label, s.mean, s.ci.0, s.ci.1)) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_dots_bounded() {
        let series = vec![Series {
            label: "<script>".into(),
            values: (0..1000).map(|i| f64::from(i) / 1000.0).collect(),
            mean: 0.5,
            ci: (0.45, 0.55),
        }];
        let svg = strip_plot("t", &series, domain(&series, false, true)).into_string();
        assert!(svg.contains("&lt;script&gt;") && !svg.contains("<script>"));
        assert_eq!(svg.matches("class=\"dot\"").count(), 0);
        assert_eq!(domain(&series, true, true), (-1.0, 1.0));
    }
}
