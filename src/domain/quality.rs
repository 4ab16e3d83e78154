//! Quality reviews: what an evaluation form may hold, how an evaluation is scored, and when the
//! agent may still dispute it. Facts in, verdict out.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Problem;
use super::status::text_enum;

text_enum! {
    /// How a question is answered: `yes_no` takes 0 or 1, `zero_to_five` 0 to 5.
    #[schema(example = "zero_to_five")]
    Scale {
        YesNo => "yes_no",
        ZeroToFive => "zero_to_five",
    }
}

text_enum! {
    /// `submitted` → `acknowledged` (the agent accepts it) or `disputed` (the agent contests it
    /// within 7 days) → `resolved` (someone other than the evaluator decides).
    #[schema(example = "submitted")]
    EvaluationStatus {
        Submitted => "submitted",
        Acknowledged => "acknowledged",
        Disputed => "disputed",
        Resolved => "resolved",
    }
}

text_enum! {
    /// `upheld`: the agent was right (the score may be corrected); `rejected`: it stands.
    #[schema(example = "upheld")]
    EvaluationDisputeOutcome {
        Upheld => "upheld",
        Rejected => "rejected",
    }
}

text_enum! {
    /// `open` until the agent or the coach completes it.
    #[schema(example = "open")]
    CoachingActionStatus {
        Open => "open",
        Completed => "completed",
    }
}

impl Scale {
    /// The highest answer.
    pub fn max(self) -> i64 {
        match self {
            Scale::YesNo => 1,
            Scale::ZeroToFive => 5,
        }
    }
}

/// One question of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"key": "mini_miranda", "text": "Gave the mini-Miranda disclosure",
    "weight": 20, "scale": "yes_no", "fatal": true}))]
pub struct Question {
    /// Unique within the form: lower-case letters, digits and `_`, 1 to 50 characters.
    #[schema(min_length = 1, max_length = 50, pattern = "^[a-z0-9_]+$")]
    pub key: String,
    /// 1 to 1000 characters, not only spaces (surrounding spaces are dropped).
    #[schema(min_length = 1, max_length = 1000)]
    pub text: String,
    /// 1 to 100.
    #[schema(minimum = 1, maximum = 100)]
    pub weight: i64,
    pub scale: Scale,
    /// Answered 0, the whole evaluation scores 0 (`fatal_failed`).
    #[serde(default)]
    pub fatal: bool,
}

/// One answer: `value` null means not applicable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer<'a> {
    pub key: &'a str,
    pub value: Option<i64>,
}

/// What an evaluation scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scoring {
    /// Tenths of a point, 0..=1000.
    pub tenths: i64,
    pub fatal_failed: bool,
}

fn valid_key(key: &str) -> bool {
    (1..=50).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// What is wrong with a form's name and questions (empty when it may be stored).
pub fn form_problems(name: &str, questions: &[Question]) -> Vec<Problem> {
    let mut out = Vec::new();
    if name.trim().is_empty() || name.chars().count() > 200 {
        out.push(Problem::new(
            "name",
            "must be 1 to 200 characters, not only spaces",
        ));
    }
    if !(1..=50).contains(&questions.len()) {
        out.push(Problem::new("questions", "must hold 1 to 50 questions"));
    }
    let mut seen = HashSet::new();
    for (i, q) in questions.iter().enumerate() {
        let at = |f: &str| format!("questions[{i}].{f}");
        if !valid_key(&q.key) {
            out.push(Problem::new(
                at("key"),
                "must be 1 to 50 lower-case letters, digits or `_`",
            ));
        } else if !seen.insert(q.key.as_str()) {
            out.push(Problem::new(at("key"), "is used by an earlier question"));
        }
        if q.text.trim().is_empty() || q.text.chars().count() > 1000 {
            out.push(Problem::new(
                at("text"),
                "must be 1 to 1000 characters, not only spaces",
            ));
        }
        if !(1..=100).contains(&q.weight) {
            out.push(Problem::new(at("weight"), "must be 1 to 100"));
        }
    }
    out
}

/// The score of `answers` on a form's `questions`:
/// `100 × Σ(weight × value ÷ max) ÷ Σ(weight of answered questions)`, rounded half up to one
/// decimal (computed in integers), and 0 with `fatal_failed` when a fatal question is answered 0.
/// Every question must be answered (null for not applicable), none other, and at least one not
/// null; otherwise the problems, by `answers[i]`.
pub fn score(questions: &[Question], answers: &[Answer<'_>]) -> Result<Scoring, Vec<Problem>> {
    let by_key: HashMap<&str, &Question> = questions.iter().map(|q| (q.key.as_str(), q)).collect();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    // In fifths of a point per weight unit: value × (5 ÷ max) is a whole number for both scales.
    let (mut earned, mut possible) = (0_i64, 0_i64);
    let mut fatal_failed = false;
    for (i, a) in answers.iter().enumerate() {
        let Some(q) = by_key.get(a.key) else {
            out.push(Problem::new(
                format!("answers[{i}].key"),
                "is not a question of the form",
            ));
            continue;
        };
        if !seen.insert(a.key) {
            out.push(Problem::new(
                format!("answers[{i}].key"),
                "is answered twice",
            ));
            continue;
        }
        let Some(value) = a.value else { continue };
        if !(0..=q.scale.max()).contains(&value) {
            let message = format!("must be 0 to {} (or null: not applicable)", q.scale.max());
            out.push(Problem::new(format!("answers[{i}].value"), message));
            continue;
        }
        earned += q.weight * value * (5 / q.scale.max());
        possible += q.weight * 5;
        fatal_failed |= q.fatal && value == 0;
    }
    for q in questions.iter().filter(|q| !seen.contains(q.key.as_str())) {
        out.push(Problem::new(
            "answers",
            format!("question `{}` is not answered", q.key),
        ));
    }
    if out.is_empty() && possible == 0 {
        out.push(Problem::new(
            "answers",
            "at least one answer must not be null",
        ));
    }
    if !out.is_empty() {
        return Err(out);
    }
    let tenths = if fatal_failed {
        0
    } else {
        (2000 * earned + possible) / (2 * possible)
    };
    Ok(Scoring {
        tenths,
        fatal_failed,
    })
}

/// Days after the evaluation's (UTC) day on which the agent may still dispute it.
pub const DISPUTE_DAYS: u64 = 7;

/// The last UTC day on which an evaluation made at `evaluated_at` may be disputed.
pub fn dispute_until(evaluated_at: DateTime<Utc>) -> NaiveDate {
    evaluated_at.date_naive() + chrono::Days::new(DISPUTE_DAYS)
}

/// May the agent dispute it at `now`? Through the 7th day after the evaluation's day.
pub fn may_dispute(evaluated_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now.date_naive() <= dispute_until(evaluated_at)
}

/// A score in tenths as the API shows it (87.5).
pub fn points(tenths: i64) -> f64 {
    tenths as f64 / 10.0
}

/// A score the API was sent (0 to 100, one decimal at most) in tenths.
pub fn tenths_of(score: f64) -> Option<i64> {
    let tenths = (score * 10.0).round();
    ((0.0..=1000.0).contains(&tenths) && (score * 10.0 - tenths).abs() < 1e-6)
        .then_some(tenths as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(key: &str, weight: i64, scale: Scale, fatal: bool) -> Question {
        Question {
            key: key.into(),
            text: "t".into(),
            weight,
            scale,
            fatal,
        }
    }

    fn form() -> Vec<Question> {
        vec![
            q("greeting", 10, Scale::YesNo, false),
            q("mini_miranda", 20, Scale::YesNo, true),
            q("negotiation", 30, Scale::ZeroToFive, false),
        ]
    }

    fn a(key: &str, value: Option<i64>) -> Answer<'_> {
        Answer { key, value }
    }

    #[test]
    fn weights_values_and_not_applicable() {
        let f = form();
        let cases: Vec<(Vec<Answer>, i64)> = vec![
            // 100 × (10 + 20 + 30 × 5/5) ÷ 60 = 100
            (
                vec![
                    a("greeting", Some(1)),
                    a("mini_miranda", Some(1)),
                    a("negotiation", Some(5)),
                ],
                1000,
            ),
            // 100 × (0 + 20 + 30 × 3/5) ÷ 60 = 63.33 → 63.3
            (
                vec![
                    a("greeting", Some(0)),
                    a("mini_miranda", Some(1)),
                    a("negotiation", Some(3)),
                ],
                633,
            ),
            // greeting not applicable: 100 × (20 + 18) ÷ 50 = 76.0
            (
                vec![
                    a("greeting", None),
                    a("mini_miranda", Some(1)),
                    a("negotiation", Some(3)),
                ],
                760,
            ),
            // 100 × (10 + 20 + 30 × 4/5) ÷ 60 = 90
            (
                vec![
                    a("greeting", Some(1)),
                    a("mini_miranda", Some(1)),
                    a("negotiation", Some(4)),
                ],
                900,
            ),
            // Only negotiation answered: 100 × 6 ÷ 30 = 20
            (
                vec![
                    a("greeting", None),
                    a("mini_miranda", None),
                    a("negotiation", Some(1)),
                ],
                200,
            ),
        ];
        for (answers, tenths) in cases {
            let s = score(&f, &answers).expect("valid");
            assert_eq!((s.tenths, s.fatal_failed), (tenths, false), "{answers:?}");
        }
    }

    #[test]
    fn rounding_is_half_up_at_one_decimal() {
        // weights 1 and 2 (yes_no), second answered: 100 × 2 ÷ 3 = 66.666… → 66.7
        let f = vec![
            q("a", 1, Scale::YesNo, false),
            q("b", 2, Scale::YesNo, false),
        ];
        let s = score(&f, &[a("a", Some(0)), a("b", Some(1))]).expect("valid");
        assert_eq!(s.tenths, 667);
        // weights 1 and 7, first answered: 100 × 1 ÷ 8 = 12.5 exactly
        let f = vec![
            q("a", 1, Scale::YesNo, false),
            q("b", 7, Scale::YesNo, false),
        ];
        assert_eq!(
            score(&f, &[a("a", Some(1)), a("b", Some(0))])
                .expect("valid")
                .tenths,
            125
        );
        // weights 1 and 15, first answered: 100 ÷ 16 = 6.25 → 6.3 (half up)
        let f = vec![
            q("a", 1, Scale::YesNo, false),
            q("b", 15, Scale::YesNo, false),
        ];
        assert_eq!(
            score(&f, &[a("a", Some(1)), a("b", Some(0))])
                .expect("valid")
                .tenths,
            63
        );
    }

    #[test]
    fn a_fatal_question_answered_zero_scores_zero() {
        let f = form();
        let s = score(
            &f,
            &[
                a("greeting", Some(1)),
                a("mini_miranda", Some(0)),
                a("negotiation", Some(5)),
            ],
        )
        .expect("valid");
        assert_eq!((s.tenths, s.fatal_failed), (0, true));
        // Not applicable is not a failure.
        let s = score(
            &f,
            &[
                a("greeting", Some(1)),
                a("mini_miranda", None),
                a("negotiation", Some(5)),
            ],
        )
        .expect("valid");
        assert_eq!((s.tenths, s.fatal_failed), (1000, false));
    }

    #[test]
    fn answers_must_match_the_form() {
        let f = form();
        let fields = |answers: &[Answer]| -> Vec<String> {
            score(&f, answers)
                .expect_err("invalid")
                .into_iter()
                .map(|p| p.field)
                .collect()
        };
        assert_eq!(
            fields(&[a("greeting", Some(1)), a("mini_miranda", Some(1))]),
            ["answers"]
        );
        assert_eq!(
            fields(&[
                a("greeting", Some(2)),
                a("mini_miranda", Some(1)),
                a("negotiation", Some(6))
            ]),
            ["answers[0].value", "answers[2].value"]
        );
        assert_eq!(
            fields(&[
                a("greeting", Some(1)),
                a("mini_miranda", Some(1)),
                a("negotiation", Some(1)),
                a("other", Some(1))
            ]),
            ["answers[3].key"]
        );
        assert_eq!(
            fields(&[
                a("greeting", Some(1)),
                a("greeting", Some(1)),
                a("mini_miranda", Some(1)),
                a("negotiation", Some(1))
            ]),
            ["answers[1].key"]
        );
        assert_eq!(
            fields(&[
                a("greeting", None),
                a("mini_miranda", None),
                a("negotiation", None)
            ]),
            ["answers"]
        );
    }

    #[test]
    fn form_rules() {
        assert!(form_problems("Call quality", &form()).is_empty());
        let mut bad = form();
        bad[1].key = "greeting".into();
        bad[2].weight = 0;
        bad[0].key = "Bad Key".into();
        let fields: Vec<String> = form_problems(" ", &bad)
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["name", "questions[0].key", "questions[2].weight"]);
        assert_eq!(form_problems("x", &[])[0].field, "questions");
        let mut heavy = form();
        heavy[0].weight = 101;
        assert_eq!(form_problems("x", &heavy)[0].field, "questions[0].weight");
    }

    #[test]
    fn disputes_through_the_seventh_day() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().expect("time");
        let evaluated = at("2026-09-01T16:00:00Z");
        assert_eq!(dispute_until(evaluated).to_string(), "2026-09-08");
        assert!(may_dispute(evaluated, at("2026-09-01T16:00:01Z")));
        assert!(may_dispute(evaluated, at("2026-09-08T23:59:59Z")));
        assert!(!may_dispute(evaluated, at("2026-09-09T00:00:00Z")));
    }

    #[test]
    fn corrected_scores_in_tenths() {
        assert_eq!(tenths_of(87.5), Some(875));
        assert_eq!(tenths_of(100.0), Some(1000));
        assert_eq!(tenths_of(0.0), Some(0));
        assert_eq!(tenths_of(87.55), None);
        assert_eq!(tenths_of(100.1), None);
        assert_eq!(tenths_of(-1.0), None);
        assert_eq!(points(633), 63.3);
    }
}
