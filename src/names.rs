//! Lists of names a user gives (metrics, summarizers, systems): how they are
//! split and the one rule every list follows.

/// A list that breaks the rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    /// Nothing listed.
    #[error("{0} list is empty")]
    Empty(&'static str),
    /// A name given twice.
    #[error("{0} `{1}` is listed twice")]
    Duplicate(&'static str, String),
}

/// The non-empty, trimmed items of a comma-separated list.
pub fn split_list(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// The one rule for every list a command takes: it is not empty and names
/// nothing twice. `what` names the kind of item in errors.
pub fn check_list(what: &'static str, names: Vec<String>) -> Result<(), ListError> {
    if names.is_empty() {
        return Err(ListError::Empty(what));
    }
    let mut seen = std::collections::HashSet::new();
    for name in names {
        if !seen.insert(name.clone()) {
            return Err(ListError::Duplicate(what, name));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_repeated_lists_are_refused() {
        assert_eq!(split_list(" a, ,b ").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(check_list("metric", vec![]), Err(ListError::Empty("metric")));
        let repeated = vec!["a".to_string(), "b".into(), "a".into()];
        assert_eq!(check_list("metric", repeated).unwrap_err().to_string(), "metric `a` is listed twice");
    }
}
