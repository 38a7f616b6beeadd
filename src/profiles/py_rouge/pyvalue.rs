//! What Python does with a keyword argument's JSON value where py-rouge
//! uses it: its type name and `str()`, its comparisons with an
//! `int` and its use as a slice bound, with Python's `TypeError` messages.

use serde_json::Value;

use crate::profiles::Raised;
use crate::profiles::python::float_repr;
pub(super) use crate::profiles::python::type_name;

/// An `int` (a `bool` is one in Python), if `value` is one.
pub(super) fn as_int(value: &Value) -> Option<i128> {
    match value {
        Value::Bool(b) => Some(i128::from(*b)),
        Value::Number(n) if !n.is_f64() => n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)),
        _ => None,
    }
}

/// A real number (`int`, `float` or `bool`) as the double Python would
/// compute with, if `value` is one.
pub(super) fn as_real(value: &Value) -> Option<f64> {
    match value {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

/// `str(x)` of a hashable value, as `"{}".format(x)` prints it.
pub(super) fn py_str(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => match (as_int(value), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(x)) => float_repr(x),
            (None, None) => n.to_string(),
        },
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Python's `TypeError` for a value used as a dict key or set member.
pub(super) fn unhashable(value: &Value) -> Option<Raised> {
    matches!(value, Value::Array(_) | Value::Object(_))
        .then(|| Raised::new("TypeError", format!("unhashable type: '{}'", type_name(value))))
}

/// `length_limit` as py-rouge's truncation uses it.
#[derive(Debug, Clone)]
pub(super) enum Bound {
    /// An `int` (or `bool`).
    Int(i128),
    /// A `float`.
    Float(f64),
    /// `None`.
    None,
    /// Anything else, by its type name.
    Other(&'static str),
}

impl Bound {
    /// The bound a JSON value stands for.
    pub(super) fn of(value: &Value) -> Bound {
        match (as_int(value), value) {
            (Some(i), _) => Bound::Int(i),
            (None, Value::Number(n)) => Bound::Float(n.as_f64().unwrap_or(f64::NAN)),
            (None, Value::Null) => Bound::None,
            (None, other) => Bound::Other(type_name(other)),
        }
    }

    /// `self.length_limit == 0`.
    pub(super) fn is_zero(&self) -> bool {
        match self {
            Bound::Int(i) => *i == 0,
            Bound::Float(x) => *x == 0.0,
            Bound::None | Bound::Other(_) => false,
        }
    }

    /// `current < self` for an `int` `current` (the truncation loops' test).
    pub(super) fn is_above(&self, current: usize) -> Result<bool, Raised> {
        match self {
            Bound::Int(i) => Ok((current as i128) < *i),
            Bound::Float(x) => Ok((current as f64) < *x),
            Bound::None => Err(not_supported("NoneType")),
            Bound::Other(name) => Err(not_supported(name)),
        }
    }

    /// The end of `seq[:self - used]` on a sequence of `len` items (the
    /// comparison [`Bound::is_above`] has ruled out `None` and non-numbers).
    pub(super) fn cut_after(&self, used: usize, len: usize) -> Result<usize, Raised> {
        match self {
            Bound::Int(i) => Ok(slice_end(i - used as i128, len)),
            Bound::None => Err(operand("NoneType")),
            Bound::Other(name) => Err(operand(name)),
            Bound::Float(_) => Err(bad_slice()),
        }
    }

    /// The end of `seq[:self]` on a sequence of `len` items (`None`: all).
    pub(super) fn cut(&self, len: usize) -> Result<usize, Raised> {
        match self {
            Bound::Int(i) => Ok(slice_end(*i, len)),
            Bound::None => Ok(len),
            Bound::Float(_) | Bound::Other(_) => Err(bad_slice()),
        }
    }
}

/// Python's `[:end]` on `len` items: negative ends count from the back.
fn slice_end(end: i128, len: usize) -> usize {
    let len_i = len as i128;
    if end >= 0 { end.min(len_i) as usize } else { (len_i + end).max(0) as usize }
}

fn not_supported(right: &str) -> Raised {
    Raised::new("TypeError", format!("'<' not supported between instances of 'int' and '{right}'"))
}

fn operand(left: &str) -> Raised {
    Raised::new("TypeError", format!("unsupported operand type(s) for -: '{left}' and 'int'"))
}

fn bad_slice() -> Raised {
    Raised::new("TypeError", "slice indices must be integers or None or have an __index__ method")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prints_floats_as_python_does() {
        // Python: str(1.5), str(1e+20), str(2.0), str(1e-05), str(0.0001)
        assert_eq!(py_str(&json!(1.5)), "1.5");
        assert_eq!(py_str(&json!(1e20)), "1e+20");
        assert_eq!(py_str(&json!(2.0)), "2.0");
        assert_eq!(py_str(&json!(1e-5)), "1e-05");
        assert_eq!(py_str(&json!(0.0001)), "0.0001");
        assert_eq!(py_str(&json!(true)), "True");
        assert_eq!(py_str(&json!(null)), "None");
    }

    #[test]
    fn slices_like_python() {
        // "abcdef"[:-2] == "abcd", [:10] == "abcdef", [:-10] == ""
        assert_eq!(slice_end(-2, 6), 4);
        assert_eq!(slice_end(10, 6), 6);
        assert_eq!(slice_end(-10, 6), 0);
    }
}
