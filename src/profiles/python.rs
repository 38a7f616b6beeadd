//! Python semantics the profiles rely on (every package is Python code):
//! which keyword arguments a function takes, how a JSON value reads as a
//! Python value (its type name, `int`, `str()`, `repr` of a float) and
//! `" ".join(text.split())`. Truth values are `kwargs::truthy`, whitespace
//! `metrics::pystr`.

use serde_json::{Map, Value};

use super::Raised;
use crate::metrics::pystr;

/// Python's `" ".join(text.split())`.
pub(crate) fn normalize_spaces(text: &str) -> String {
    pystr::split(text).collect::<Vec<_>>().join(" ")
}

/// The first keyword of `given` that `function` (Python's qualified name,
/// e.g. `Rouge.__init__`) does not take, as the `TypeError` Python raises.
pub(crate) fn check_keywords(
    function: &str,
    accepted: &[&str],
    given: &Map<String, Value>,
) -> Result<(), Raised> {
    match given.keys().find(|key| !accepted.contains(&key.as_str())) {
        Some(key) => Err(Raised::unexpected_keyword(function, key)),
        None => Ok(()),
    }
}

/// Python's type name of a JSON value (`int`, `float`, `str`, ...), for
/// the messages of `TypeError`s.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// A JSON number as Python's `int` (`True`/`False` count as 1/0), or
/// `None` if it is not one.
pub(crate) fn as_int(value: &Value) -> Option<i64> {
    match value {
        Value::Bool(b) => Some(i64::from(*b)),
        Value::Number(n) => n.as_i64(),
        _ => None,
    }
}

/// Python's `str()` of a number given as JSON: integers as written,
/// floats by [`float_repr`], booleans as `True`/`False`.
pub(crate) fn number_str(value: &Value) -> String {
    match value {
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) if n.is_f64() => float_repr(n.as_f64().unwrap_or(f64::NAN)),
        Value::Number(n) => n.to_string(),
        Value::Null => "None".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Python's `repr(x)` of a float: the shortest digits that round-trip, in
/// fixed notation for exponents -4 to 15 (always with a fractional part),
/// otherwise in scientific notation with a signed exponent of at least two
/// digits (`1e+16`, `1.5e-05`).
pub(crate) fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    // Rust's `{:e}` prints the shortest round-trip digits: `-1.25e-7`.
    let formatted = format!("{x:e}");
    let (mantissa, exponent) = formatted.split_once('e').unwrap_or((&formatted, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if (-4..16).contains(&exponent) {
        let point = exponent + 1;
        let body = if point <= 0 {
            format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
        } else {
            let point = point as usize;
            if digits.len() <= point {
                format!("{digits}{}.0", "0".repeat(point - digits.len()))
            } else {
                format!("{}.{}", &digits[..point], &digits[point..])
            }
        };
        format!("{sign}{body}")
    } else {
        let mantissa = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{exp_sign}{:02}", exponent.unsigned_abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_as_python_repr_prints_them() {
        // Expected strings are Python 3.11's `repr` of the same floats.
        let cases = [
            (1.2, "1.2"),
            (2.0, "2.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1e16, "1e+16"),
            (1234567890123456.0, "1234567890123456.0"),
            (-1.5e-7, "-1.5e-07"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-0.0, "-0.0"),
            (1.5e300, "1.5e+300"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "{x}");
        }
    }

    #[test]
    fn whitespace_is_python_whitespace() {
        let text = " a\u{1c}b\u{a0}c\u{3000}d\u{85}e\u{200b}f \t";
        assert_eq!(normalize_spaces(text), "a b c d e\u{200b}f");
    }
}
