//! [`ProfileSpec`]: a package and its keyword arguments as users write them
//! on the command line, `NAME[:init.KEY=VALUE,call.KEY=VALUE,...]` (VALUE a
//! JSON literal, or a bare string), and its signature.

use std::fmt;
use std::str::FromStr;

use serde_json::{Map, Value};

use super::{PACKAGES, Package, PackageOptions, Raised, package};

/// A package by name with its keyword arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSpec {
    /// The package's name as case files give it (`rouge`, `py-rouge`, ...).
    pub name: String,
    /// Its keyword arguments.
    pub options: PackageOptions,
}

/// A profile that cannot be parsed or built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileSpecError {
    /// Not `NAME[:init.KEY=VALUE,...]`.
    #[error("bad ROUGE profile `{spec}`: {problem} (expected NAME[:init.KEY=VALUE,call.KEY=VALUE,...])")]
    Syntax {
        /// What was given.
        spec: String,
        /// What is wrong.
        problem: String,
    },
    /// A name no profile has.
    #[error("unknown ROUGE profile `{0}` (expected one of: {names})", names = PACKAGES.iter().map(|p| p.name).collect::<Vec<_>>().join(", "))]
    Unknown(String),
    /// A metric the package does not report.
    #[error("ROUGE profile `{spec}` has no {metric} (it reports {has})")]
    Lacks {
        /// The profile as given.
        spec: String,
        /// The metric asked for.
        metric: String,
        /// The package's own keys.
        has: String,
    },
    /// The package refuses its arguments, as it would in Python.
    #[error("ROUGE profile `{spec}`: {raised}")]
    Refused {
        /// The profile as given.
        spec: String,
        /// What the package raises.
        raised: Raised,
    },
}

impl ProfileSpec {
    /// The package under these arguments.
    pub fn build(&self) -> Result<Box<dyn Package>, ProfileSpecError> {
        package(&self.name, &self.options)
            .map_err(|raised| ProfileSpecError::Refused { spec: self.to_string(), raised })
    }

    /// The signature of its numbers: the package, its version (or the
    /// harness's commit), the arguments and sumbench's version, e.g.
    /// `rouge-profile:py-rouge|version:1.1|init.max_n=2|sumbench:0.1.0`.
    pub fn signature(&self) -> String {
        let version = PACKAGES.iter().find(|p| p.name == self.name).map_or("?", |p| p.version);
        let mut parts = vec![format!("rouge-profile:{}", self.name), format!("version:{version}")];
        parts.extend(self.arguments());
        parts.push(format!("sumbench:{}", env!("CARGO_PKG_VERSION")));
        parts.join("|")
    }

    /// `init.KEY=VALUE` then `call.KEY=VALUE`, keys in order, VALUE as JSON.
    fn arguments(&self) -> Vec<String> {
        let side = |prefix: &str, map: &Map<String, Value>| {
            map.iter().map(|(k, v)| format!("{prefix}.{k}={v}")).collect::<Vec<_>>()
        };
        let mut arguments = side("init", &self.options.init);
        arguments.extend(side("call", &self.options.call));
        arguments
    }
}

impl fmt::Display for ProfileSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let arguments = self.arguments();
        if arguments.is_empty() {
            write!(f, "{}", self.name)
        } else {
            write!(f, "{}:{}", self.name, arguments.join(","))
        }
    }
}

impl serde::Serialize for ProfileSpec {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ProfileSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

impl FromStr for ProfileSpec {
    type Err = ProfileSpecError;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let syntax = |problem: String| ProfileSpecError::Syntax { spec: spec.to_owned(), problem };
        let (name, rest) = spec.split_once(':').unwrap_or((spec, ""));
        let name = name.trim();
        if !PACKAGES.iter().any(|p| p.name == name) {
            return Err(ProfileSpecError::Unknown(name.to_owned()));
        }
        let mut options = PackageOptions::default();
        for argument in top_level_items(rest) {
            let (key, value) =
                argument.split_once('=').ok_or_else(|| syntax(format!("`{argument}` has no `=`")))?;
            let (side, key) = match key.trim().split_once('.') {
                Some(("init", key)) => (&mut options.init, key),
                Some(("call", key)) => (&mut options.call, key),
                _ => return Err(syntax(format!("`{key}` is neither init.KEY nor call.KEY"))),
            };
            let value = value.trim();
            let value = serde_json::from_str(value).unwrap_or_else(|_| Value::from(value));
            side.insert(key.to_owned(), value);
        }
        let profile = ProfileSpec { name: name.to_owned(), options };
        profile.build()?;
        Ok(profile)
    }
}

/// The comma-separated items of `text`, commas inside brackets, braces or
/// JSON strings aside; empty items dropped.
fn top_level_items(text: &str) -> Vec<&str> {
    let (mut items, mut depth, mut in_string, mut escaped, mut start) = (Vec::new(), 0i32, false, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '[' | '{' if !in_string => depth += 1,
            ']' | '}' if !in_string => depth -= 1,
            ',' if !in_string && depth == 0 => {
                items.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&text[start..]);
    items.into_iter().map(str::trim).filter(|item| !item.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_arguments_of_both_sides() {
        let spec: ProfileSpec =
            r#"evaluate-rouge:call.rouge_types=["rouge1","rougeL"],call.tokenizer=str.split,init.seed=3"#
                .parse()
                .unwrap();
        assert_eq!(spec.options.call["rouge_types"], serde_json::json!(["rouge1", "rougeL"]));
        assert_eq!(spec.options.call["tokenizer"], "str.split");
        assert_eq!(spec.options.init["seed"], 3);
        assert_eq!(
            spec.to_string(),
            r#"evaluate-rouge:init.seed=3,call.rouge_types=["rouge1","rougeL"],call.tokenizer="str.split""#
        );
        assert!(spec.signature().starts_with("rouge-profile:evaluate-rouge|version:0.4.6|init.seed=3|"));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(matches!("nope".parse::<ProfileSpec>(), Err(ProfileSpecError::Unknown(_))));
        assert!(matches!("helm:avg=1".parse::<ProfileSpec>(), Err(ProfileSpecError::Syntax { .. })));
        let refused = "evaluate-rouge:call.colour=1".parse::<ProfileSpec>().unwrap_err().to_string();
        assert_eq!(
            refused,
            "ROUGE profile `evaluate-rouge:call.colour=1`: TypeError: Rouge._compute() got an unexpected keyword argument 'colour'"
        );
    }
}
