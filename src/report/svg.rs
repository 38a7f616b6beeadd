//! `summary.svg`: mean F per summarizer as horizontal bars with 95% CI
//! whiskers, one panel per corpus × metric (corpora down, metrics across).
//!
//! Owns: the chart layout (plotters, SVG backend). Draws elements in row order
//! only, so the same rows always give the same bytes. Never computes statistics.

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;

use super::aggregate::AggregateRow;

/// The chart could not be drawn (plotters reported an error).
#[derive(Debug, thiserror::Error)]
#[error("cannot draw summary.svg: {0}")]
pub struct SvgError(String);

const PANEL_WIDTH: u32 = 460;
const BAR_HEIGHT: u32 = 26;
const PANEL_CHROME: u32 = 90;

/// Distinct values of `key` over `rows`, in first-appearance order.
fn distinct<'a>(rows: &'a [AggregateRow], key: impl Fn(&'a AggregateRow) -> &'a str) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for r in rows {
        let k = key(r);
        if !seen.contains(&k) {
            seen.push(k);
        }
    }
    seen
}

/// `rows` as an SVG document: for every corpus × metric a panel with one bar per
/// summarizer (mean F, fractions in [0, 1]) and a whisker over its 95% bootstrap
/// interval. A summarizer keeps its colour across panels. No rows give an
/// empty chart with a note.
pub fn aggregate_svg(rows: &[AggregateRow]) -> Result<String, SvgError> {
    let corpora = distinct(rows, |r| r.corpus.as_str());
    let metrics = distinct(rows, |r| r.metric.as_str());
    let summarizers = distinct(rows, |r| r.summarizer.as_str());
    let n_bars = summarizers.len().max(1) as u32;
    let width = PANEL_WIDTH * metrics.len().max(1) as u32;
    let height = (PANEL_CHROME + BAR_HEIGHT * n_bars) * corpora.len().max(1) as u32;
    let label_width = summarizers.iter().map(|s| s.chars().count()).max().unwrap_or(0) as u32 * 8 + 16;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let draw_err = |e: &dyn std::fmt::Display| SvgError(e.to_string());
        root.fill(&WHITE).map_err(|e| draw_err(&e))?;
        if rows.is_empty() {
            root.draw(&Text::new("no scores", (20, 40), ("sans-serif", 16))).map_err(|e| draw_err(&e))?;
        }
        let panels = root.split_evenly((corpora.len().max(1), metrics.len().max(1)));
        for (ci, corpus) in corpora.iter().enumerate() {
            for (mi, metric) in metrics.iter().enumerate() {
                let panel = &panels[ci * metrics.len() + mi];
                let here: Vec<&AggregateRow> = rows
                    .iter()
                    .filter(|r| r.corpus == *corpus && r.metric == *metric && r.fmeasure_mean.is_finite())
                    .collect();
                if here.is_empty() {
                    let note = format!("{corpus} · {metric}: no scores");
                    panel.draw(&Text::new(note, (20, 20), ("sans-serif", 18))).map_err(|e| draw_err(&e))?;
                    continue;
                }
                let x_max = here
                    .iter()
                    .map(|r| r.fmeasure_ci_high.max(r.fmeasure_mean))
                    .filter(|v| v.is_finite())
                    .fold(0.0_f64, f64::max);
                // Fractions (ROUGE) stay on [0, 1]; other scales (BLEU's 0–100, density) get their own.
                let x_max = match x_max {
                    x if x > 1.0 => x * 1.1,
                    x if x > 0.0 => (x * 1.1).min(1.0),
                    _ => 1.0,
                };
                let mut chart = ChartBuilder::on(panel)
                    .caption(format!("{corpus} · {metric}"), ("sans-serif", 20))
                    .margin(8)
                    .x_label_area_size(36)
                    .y_label_area_size(label_width)
                    .build_cartesian_2d(0.0..x_max, (0..here.len()).into_segmented())
                    .map_err(|e| draw_err(&e))?;
                // Segment 0 is at the bottom: draw the first row in the top segment.
                let n = here.len();
                let slot = |i: usize| n - 1 - i;
                let names: Vec<&str> = here.iter().rev().map(|r| r.summarizer.as_str()).collect();
                chart
                    .configure_mesh()
                    .disable_y_mesh()
                    .y_labels(here.len().max(1))
                    .y_label_formatter(&|v| match v {
                        SegmentValue::CenterOf(i) => {
                            names.get(*i).map_or_else(String::new, |s| s.to_string())
                        }
                        _ => String::new(),
                    })
                    .x_labels(6)
                    .label_style(("sans-serif", 15))
                    .axis_desc_style(("sans-serif", 15))
                    .light_line_style(WHITE)
                    .x_desc("mean F (95% bootstrap CI)")
                    .draw()
                    .map_err(|e| draw_err(&e))?;
                chart
                    .draw_series(here.iter().enumerate().map(|(i, r)| {
                        let colour = summarizers.iter().position(|s| *s == r.summarizer).unwrap_or(0);
                        let mut bar = Rectangle::new(
                            [
                                (0.0, SegmentValue::Exact(slot(i))),
                                (r.fmeasure_mean, SegmentValue::Exact(slot(i) + 1)),
                            ],
                            Palette99::pick(colour).mix(0.75).filled(),
                        );
                        bar.set_margin(4, 4, 0, 0);
                        bar
                    }))
                    .map_err(|e| draw_err(&e))?;
                // Whiskers: the interval as a line in data coordinates, with 8 px end caps.
                let whisker = BLACK.stroke_width(2);
                let with_ci = || here.iter().enumerate().filter(|(_, r)| r.fmeasure_ci_low.is_finite());
                chart
                    .draw_series(with_ci().map(|(i, r)| {
                        let y = SegmentValue::CenterOf(slot(i));
                        PathElement::new([(r.fmeasure_ci_low, y.clone()), (r.fmeasure_ci_high, y)], whisker)
                    }))
                    .map_err(|e| draw_err(&e))?;
                chart
                    .draw_series(with_ci().flat_map(|(i, r)| {
                        [r.fmeasure_ci_low, r.fmeasure_ci_high].map(|x| {
                            EmptyElement::at((x, SegmentValue::CenterOf(slot(i))))
                                + PathElement::new([(0, -4), (0, 4)], whisker)
                        })
                    }))
                    .map_err(|e| draw_err(&e))?;
            }
        }
        root.present().map_err(|e| draw_err(&e))?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(corpus: &str, summarizer: &str, metric: &str, f: f64) -> AggregateRow {
        AggregateRow {
            corpus: corpus.into(),
            summarizer: summarizer.into(),
            metric: metric.into(),
            n_docs: 10,
            precision_mean: f,
            recall_mean: f,
            fmeasure_mean: f,
            fmeasure_ci_low: f - 0.05,
            fmeasure_ci_high: f + 0.05,
            summary_words_mean: None,
            docs_per_second: None,
        }
    }

    #[test]
    fn one_panel_per_corpus_and_metric_with_every_summarizer() {
        let rows = [
            row("seed", "lead", "rouge1", 0.4),
            row("seed", "textrank", "rouge1", 0.3),
            row("seed", "lead", "rouge2", 0.2),
            row("seed", "textrank", "rouge2", 0.1),
            row("bbc", "lead", "rouge1", 0.5),
        ];
        let svg = aggregate_svg(&rows).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
        for caption in ["seed · rouge1", "seed · rouge2", "bbc · rouge1"] {
            assert_eq!(svg.matches(caption).count(), 1, "caption {caption}");
        }
        // Two metric columns of 460 px; two corpus rows of 90 + 2 × 26 px.
        assert!(svg.contains("width=\"920\"") && svg.contains("height=\"284\""));
        assert_eq!(svg.matches("\ntextrank\n").count(), 2);
        assert_eq!(svg.matches("\nlead\n").count(), 3);
        // One whisker per row, drawn as three 2 px strokes (line and two caps).
        assert_eq!(svg.matches("stroke-width=\"2\"").count(), 15);
        assert!(svg.contains("bbc · rouge2: no scores"));
        assert_eq!(aggregate_svg(&rows).unwrap(), svg);
    }

    #[test]
    fn empty_rows_give_a_note() {
        assert!(aggregate_svg(&[]).unwrap().contains("no scores"));
    }
}
