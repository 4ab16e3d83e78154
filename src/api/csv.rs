//! CSV answers: every CSV the API writes goes through [`body`], which neutralises cells that a
//! spreadsheet would run as a formula.
//!
//! OWASP's rule: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! written with a single quote in front (`'=HYPERLINK(…)`), so Excel, LibreOffice and Google
//! Sheets show it as text. Numbers (`-1250`, `0.25`) are written as they are.

use crate::error::ApiError;

/// The characters that start a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as it is safe to put in a spreadsheet.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let is_number = cell.parse::<i128>().is_ok() || cell.parse::<f64>().is_ok_and(f64::is_finite);
    if !is_number && cell.starts_with(TRIGGERS) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A CSV document (header row, one record per row, RFC 4180 quoting) with every cell neutralised.
pub fn body<I, R, S>(header_row: &[&str], rows: I) -> Result<Vec<u8>, ApiError>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(header_row.iter().map(|h| neutralise(h).into_owned()))
        .map_err(ApiError::internal)?;
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|c| neutralise(c.as_ref()).into_owned())
            .collect();
        w.write_record(&cells).map_err(ApiError::internal)?;
    }
    w.into_inner().map_err(ApiError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_numbers_stay_numbers() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("=1+2", "'=1+2"),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("North", "North"),
            ("-1250", "-1250"),
            ("+7", "+7"),
            ("0.25", "0.25"),
            ("", ""),
            ("-inf", "'-inf"),
        ];
        for (given, written) in cases {
            assert_eq!(neutralise(given), written, "{given:?}");
        }
    }

    #[test]
    fn every_cell_goes_through_it() {
        let out = body(&["name", "amount"], [["=1+2", "-5"]]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "name,amount\n'=1+2,-5\n");
    }
}
