//! Small inline SVG charts for printable pages: no script, no external asset, fixed size, text
//! escaped. Each function answers one `<svg>` element as a string.

use std::fmt::Write;

/// Chart size in SVG user units (the page scales it to its column).
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 70.0;
const BOTTOM: f64 = 30.0;
const TOP: f64 = 14.0;

/// Escapes text for SVG and HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn plot_height() -> f64 {
    HEIGHT - BOTTOM - TOP
}

/// A y coordinate for `value` on a scale whose top is `max`.
fn y(value: f64, max: f64) -> f64 {
    let share = if max > 0.0 { value / max } else { 0.0 };
    TOP + plot_height() * (1.0 - share.clamp(0.0, 1.0))
}

fn open(title: &str) -> String {
    format!(
        "<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\">\
         <line x1=\"{LEFT}\" y1=\"{}\" x2=\"{WIDTH}\" y2=\"{}\" stroke=\"#444\"/>",
        escape(title),
        HEIGHT - BOTTOM,
        HEIGHT - BOTTOM
    )
}

fn axis_label(svg: &mut String, max: f64, format: &dyn Fn(f64) -> String) {
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>\
         <text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">0</text>",
        LEFT - 4.0,
        TOP + 4.0,
        escape(&format(max)),
        LEFT - 4.0,
        HEIGHT - BOTTOM
    );
}

/// Cumulative collected per day (a line) against the target's straight line to the period's
/// target; `labels` name the days (every few are written under the axis).
pub fn collected_against_target(
    labels: &[String],
    per_day: &[f64],
    target: Option<f64>,
    format: &dyn Fn(f64) -> String,
) -> String {
    let mut running = 0.0;
    let cumulative: Vec<f64> = per_day
        .iter()
        .map(|v| {
            running += v;
            running
        })
        .collect();
    let max = cumulative
        .last()
        .copied()
        .unwrap_or(0.0)
        .max(target.unwrap_or(0.0))
        .max(1.0);
    let n = per_day.len().max(1) as f64;
    let x = |i: f64| LEFT + (WIDTH - LEFT - 10.0) * (i / n);
    let mut svg = open("Collected per day against the target");
    axis_label(&mut svg, max, format);
    if let Some(t) = target {
        let _ = write!(
            svg,
            "<line class=\"target\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#b00\" stroke-dasharray=\"6 4\"/>",
            x(0.0),
            y(0.0, max),
            x(n),
            y(t, max)
        );
    }
    let points: Vec<String> = cumulative
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", x(i as f64 + 1.0), y(*v, max)))
        .collect();
    let _ = write!(
        svg,
        "<polyline class=\"collected\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"{:.1},{:.1} {}\"/>",
        x(0.0),
        y(0.0, max),
        points.join(" ")
    );
    let step = (labels.len() / 6).max(1);
    for (i, label) in labels.iter().enumerate().step_by(step) {
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{}</text>",
            x(i as f64 + 1.0),
            HEIGHT - 12.0,
            escape(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Bars per category, one series or two side by side (`first` lighter, `second` darker).
pub fn bars(
    title: &str,
    labels: &[String],
    first: &[f64],
    second: Option<&[f64]>,
    format: &dyn Fn(f64) -> String,
) -> String {
    let max = first
        .iter()
        .chain(second.unwrap_or(&[]))
        .copied()
        .fold(0.0, f64::max)
        .max(1.0);
    let slot = (WIDTH - LEFT - 10.0) / labels.len().max(1) as f64;
    let bar = if second.is_some() {
        slot * 0.38
    } else {
        slot * 0.6
    };
    let mut svg = open(title);
    axis_label(&mut svg, max, format);
    for (i, label) in labels.iter().enumerate() {
        let x0 = LEFT + slot * i as f64 + slot * 0.1;
        let mut series = vec![("#9bbbe0", first.get(i).copied().unwrap_or(0.0))];
        if let Some(s) = second {
            series.push(("#1f5fa8", s.get(i).copied().unwrap_or(0.0)));
        }
        for (k, (color, value)) in series.into_iter().enumerate() {
            let top = y(value, max);
            let _ = write!(
                svg,
                "<rect class=\"bar\" x=\"{:.1}\" y=\"{top:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{color}\"/>",
                x0 + bar * k as f64,
                HEIGHT - BOTTOM - top
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{}</text>",
            LEFT + slot * (i as f64 + 0.5),
            HEIGHT - 12.0,
            escape(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(v: f64) -> String {
        format!("{v:.0}")
    }

    #[test]
    fn a_line_against_its_target() {
        let labels: Vec<String> = (1..=3).map(|d| format!("11-0{d}")).collect();
        let svg = collected_against_target(&labels, &[10.0, 0.0, 30.0], Some(80.0), &plain);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("class=\"target\""));
        // The top of the scale is the larger of the total (40) and the target (80).
        assert!(svg.contains(">80</text>"));
        // Cumulative: the last point is at 40 of 80, half-way up the plot.
        let half = TOP + plot_height() / 2.0;
        assert!(svg.contains(&format!("{:.1}", half)), "{svg}");
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn bars_side_by_side_and_escaped_labels() {
        let labels = vec!["<1>".to_owned(), "b".to_owned()];
        let svg = bars("A & B", &labels, &[1.0, 2.0], Some(&[2.0, 4.0]), &plain);
        assert_eq!(svg.matches("class=\"bar\"").count(), 4);
        assert!(svg.contains("&lt;1&gt;") && svg.contains("A &amp; B"));
        let single = bars("x", &labels, &[0.0, 0.0], None, &plain);
        assert_eq!(single.matches("class=\"bar\"").count(), 2);
    }
}
