//! A Python call's keyword arguments, given as JSON (`init` and `call` of a
//! case line): taken one at a time, each by the type the package reads it
//! as; what is left over is the `TypeError` Python raises.

use serde_json::{Map, Value};

use super::Raised;

/// The keyword arguments of one call of `function`.
pub(crate) struct Kwargs {
    function: &'static str,
    map: Map<String, Value>,
}

impl Kwargs {
    /// The arguments `map` of a call of `function` (the name Python's
    /// messages give it, e.g. `Rouge._compute`).
    pub(crate) fn new(function: &'static str, map: &Map<String, Value>) -> Self {
        Kwargs { function, map: map.clone() }
    }

    /// The argument `name`, if given (`null` is Python's `None`, given).
    pub(crate) fn take(&mut self, name: &str) -> Option<Value> {
        self.map.remove(name)
    }

    /// The argument `name` by Python's truth value (`bool(x)`), else `default`.
    pub(crate) fn truth(&mut self, name: &str, default: bool) -> bool {
        self.take(name).map_or(default, |value| truthy(&value))
    }

    /// Fails with Python's `TypeError` if an argument was not taken.
    pub(crate) fn finish(self) -> Result<(), Raised> {
        match self.map.keys().next() {
            Some(name) => Err(Raised::unexpected_keyword(self.function, name)),
            None => Ok(()),
        }
    }
}

/// Python's `bool(x)` of a JSON value.
pub(crate) fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn left_over_arguments_are_python_type_errors() {
        let map = json!({"avg": true, "colour": 1});
        let mut kwargs = Kwargs::new("Rouge.get_scores", map.as_object().unwrap());
        assert!(kwargs.truth("avg", false));
        assert!(!kwargs.truth("ignore_empty", false));
        let error = kwargs.finish().unwrap_err();
        assert_eq!(error.kind, "TypeError");
        assert_eq!(error.message, "Rouge.get_scores() got an unexpected keyword argument 'colour'");
    }

    #[test]
    fn truth_values_follow_python() {
        for (value, truth) in [
            (json!(null), false),
            (json!(0), false),
            (json!(0.0), false),
            (json!(""), false),
            (json!([]), false),
            (json!(2), true),
            (json!("no"), true),
            (json!([0]), true),
        ] {
            assert_eq!(truthy(&value), truth, "{value}");
        }
    }
}
