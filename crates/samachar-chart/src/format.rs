//! Money formatting: rupees in lakh and crore, dollars in millions and billions.

use samachar_model::text::{format_indian, format_number};

/// Rounds to at most two decimals and formats with western grouping.
fn two_decimals(v: f64) -> String {
    format_number((v * 100.0).round() / 100.0)
}

/// Formats an amount in rupees the Indian way: `₹15 crore`, `₹6.4 lakh`,
/// `₹45,000`, `₹1,200 crore`. Negative amounts get a leading minus.
pub fn format_inr(v: f64) -> String {
    if !v.is_finite() {
        return format!("₹{v}");
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    let body = if a >= 1e7 {
        format!("{} crore", two_decimals(a / 1e7))
    } else if a >= 1e5 {
        format!("{} lakh", two_decimals(a / 1e5))
    } else {
        format_indian((a * 100.0).round() / 100.0)
    };
    format!("{sign}₹{body}")
}

/// Formats an amount in US dollars: `$1.9 million`, `$2.5 billion`, `$45,000`.
pub fn format_usd(v: f64) -> String {
    if !v.is_finite() {
        return format!("${v}");
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    let body = if a >= 1e9 {
        format!("{} billion", two_decimals(a / 1e9))
    } else if a >= 1e6 {
        format!("{} million", two_decimals(a / 1e6))
    } else {
        two_decimals(a)
    };
    format!("{sign}${body}")
}

/// Formats an amount in `unit` (an ISO currency code): rupees and dollars as
/// above, any other currency as `EUR 2,500,000`.
pub fn format_money(v: f64, unit: &str) -> String {
    match unit {
        "INR" => format_inr(v),
        "USD" => format_usd(v),
        other => format!("{other} {}", two_decimals(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rupees_in_lakh_and_crore() {
        let cases: &[(f64, &str)] = &[
            (150_000_000.0, "₹15 crore"),
            (1_000_000_000.0, "₹100 crore"),
            (12_000_000_000.0, "₹1,200 crore"),
            (15_500_000.0, "₹1.55 crore"),
            (10_000_000.0, "₹1 crore"),
            (640_000.0, "₹6.4 lakh"),
            (100_000.0, "₹1 lakh"),
            (99_999.0, "₹99,999"),
            (45_000.0, "₹45,000"),
            (500.0, "₹500"),
            (0.0, "₹0"),
            (-20_000_000.0, "-₹2 crore"),
        ];
        for (v, want) in cases {
            assert_eq!(format_inr(*v), *want, "{v}");
        }
    }

    #[test]
    fn dollars_in_millions_and_billions() {
        let cases: &[(f64, &str)] = &[
            (1_900_000.0, "$1.9 million"),
            (2_500_000_000.0, "$2.5 billion"),
            (1_000_000.0, "$1 million"),
            (45_000.0, "$45,000"),
            (12.5, "$12.5"),
            (-3_000_000.0, "-$3 million"),
        ];
        for (v, want) in cases {
            assert_eq!(format_usd(*v), *want, "{v}");
        }
    }

    #[test]
    fn other_currencies_keep_their_code() {
        assert_eq!(format_money(2_500_000.0, "EUR"), "EUR 2,500,000");
        assert_eq!(format_money(150_000_000.0, "INR"), "₹15 crore");
        assert_eq!(format_money(1_900_000.0, "USD"), "$1.9 million");
    }
}
