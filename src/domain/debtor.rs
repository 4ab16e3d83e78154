//! Parsing a debtor's fields: time zone, phone, region; and ISO 4217 currencies.

/// The longest time zone name taken, in characters (the longest IANA name has 32).
pub const TIMEZONE_MAX_CHARS: usize = 64;

/// A valid IANA time zone name (`America/Chicago`), or why not.
pub fn parse_timezone(name: &str) -> Result<chrono_tz::Tz, String> {
    if name.chars().count() > TIMEZONE_MAX_CHARS {
        return Err(format!(
            "must be at most {TIMEZONE_MAX_CHARS} characters, an IANA time zone such as America/Chicago"
        ));
    }
    name.parse::<chrono_tz::Tz>()
        .map_err(|_| format!("{name:?} is not an IANA time zone such as America/Chicago"))
}

/// The phone number in E.164 (`+16125550123`). Numbers without a country code are read as US
/// numbers.
pub fn normalize_phone(raw: &str) -> Result<String, String> {
    let refuse =
        || format!("{raw:?} is not a valid phone number; send it in E.164 form, e.g. +16125550123");
    let number =
        phonenumber::parse(Some(phonenumber::country::Id::US), raw).map_err(|_| refuse())?;
    if !phonenumber::is_valid(&number) {
        return Err(refuse());
    }
    Ok(number.format().mode(phonenumber::Mode::E164).to_string())
}

/// A region code (a US state such as `MA`), upper-cased: 1 to 10 letters, digits or `-`.
pub fn normalize_region(raw: &str) -> Result<String, String> {
    let region = raw.trim().to_ascii_uppercase();
    if region.is_empty()
        || region.len() > 10
        || !region
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err("must be a region code such as MA (1 to 10 letters, digits or -)".into());
    }
    Ok(region)
}

/// An ISO 4217 currency code (`USD`).
pub fn parse_currency(raw: &str) -> Result<String, String> {
    match iso_currency::Currency::from_code(raw) {
        Some(c) => Ok(c.code().to_owned()),
        None => Err(format!(
            "{raw:?} is not an ISO 4217 currency code such as USD"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timezones() {
        assert!(parse_timezone("America/Chicago").is_ok());
        assert!(parse_timezone("Mars/Olympus").is_err());
        assert!(parse_timezone("").is_err());
    }

    #[test]
    fn phones_become_e164() {
        assert_eq!(normalize_phone("(201) 555-0123").unwrap(), "+12015550123");
        assert_eq!(
            normalize_phone("+44 20 7946 0958").unwrap(),
            "+442079460958"
        );
        assert!(normalize_phone("12").is_err());
        assert!(normalize_phone("call me").is_err());
    }

    #[test]
    fn regions_and_currencies() {
        assert_eq!(normalize_region(" ma ").unwrap(), "MA");
        assert!(normalize_region("no spaces").is_err());
        assert_eq!(parse_currency("USD").unwrap(), "USD");
        assert!(parse_currency("usd").is_err());
        assert!(parse_currency("XYZ").is_err());
    }
}
