//! CNN/DailyMail `.story` files (Hermann et al., 2015): the article, then
//! `@highlight` lines each followed by one highlight.
//!
//! A path is one `.story` file or a directory of them (other files and hidden
//! entries ignored; not recursive), read in file-name order. The id is the
//! file stem. The text is everything before the first `@highlight`, trimmed;
//! all highlights together form ONE reference, joined with newlines (the
//! convention of See et al., 2017). A highlight spread over several lines is
//! joined with spaces. A file without `@highlight`, or an `@highlight` with
//! no text after it, is an error.

use std::path::{Path, PathBuf};

use super::{CorpusError, Document, Location, Record, is_hidden, read_text_file};

/// The line that introduces each highlight.
const MARKER: &str = "@highlight";

/// Streams [`Record`]s from `.story` files.
#[derive(Debug)]
pub(crate) struct Reader {
    files: std::vec::IntoIter<PathBuf>,
}

impl Reader {
    /// Lists the `.story` files at `path` (the file itself, or a directory's).
    pub(crate) fn open(path: &Path) -> Result<Self, CorpusError> {
        if !path.is_dir() {
            return Ok(Reader { files: vec![path.to_path_buf()].into_iter() });
        }
        let mut files = Vec::new();
        for entry in std::fs::read_dir(path).map_err(|e| CorpusError::io(path, e))? {
            let entry = entry.map_err(|e| CorpusError::io(path, e))?;
            let file = entry.path();
            let is_story = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("story"));
            if is_story && !is_hidden(&entry.file_name()) && file.is_file() {
                files.push(file);
            }
        }
        files.sort_unstable();
        Ok(Reader { files: files.into_iter() })
    }
}

impl Iterator for Reader {
    type Item = Result<Record, CorpusError>;

    fn next(&mut self) -> Option<Self::Item> {
        let path = self.files.next()?;
        Some(read_story(&path))
    }
}

/// Reads and parses one `.story` file.
fn read_story(path: &Path) -> Result<Record, CorpusError> {
    let location = Location::file(path);
    let id = path
        .file_stem()
        .and_then(|stem| stem.to_str())
        .ok_or_else(|| CorpusError::field(&location, "id", "file name is not valid UTF-8"))?
        .to_string();
    let content = read_text_file(path, "text").map_err(|error| match error {
        // Bad bytes after the first marker are in the highlights.
        CorpusError::InvalidUtf8 { location, offset, .. } => {
            let in_highlights = std::fs::read(path).is_ok_and(|bytes| {
                let before = bytes.get(..offset).unwrap_or(&bytes);
                before.windows(MARKER.len()).any(|w| w == MARKER.as_bytes())
            });
            let field = if in_highlights { "references" } else { "text" };
            CorpusError::InvalidUtf8 { location, field: Some(field.into()), offset }
        }
        other => other,
    })?;
    let (text, reference) = parse(&content, path)?;
    Ok(Record {
        document: Document { id, title: None, text, references: vec![reference], language: None },
        location,
    })
}

/// Splits a story into its text and its one reference (highlights joined with
/// newlines).
fn parse(content: &str, path: &Path) -> Result<(String, String), CorpusError> {
    let mut text_end = None;
    let mut highlights: Vec<String> = Vec::new();
    // The line number of the open `@highlight` block and its lines so far.
    let mut block: Option<(usize, Vec<&str>)> = None;
    let mut offset = 0;
    for (index, line) in content.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let line = line.trim();
        if line == MARKER {
            text_end.get_or_insert(start);
            if let Some(done) = block.replace((index + 1, Vec::new())) {
                highlights.push(finish(done, path)?);
            }
        } else if let Some((_, lines)) = &mut block
            && !line.is_empty()
        {
            lines.push(line);
        }
    }
    let Some(text_end) = text_end else {
        return Err(CorpusError::field(&Location::file(path), "references", "no @highlight line"));
    };
    if let Some(done) = block {
        highlights.push(finish(done, path)?);
    }
    Ok((content[..text_end].trim().to_string(), highlights.join("\n")))
}

/// Turns one `@highlight` block into a highlight.
fn finish((line, lines): (usize, Vec<&str>), path: &Path) -> Result<String, CorpusError> {
    if lines.is_empty() {
        return Err(CorpusError::field(&Location::line(path, line), "references", "@highlight has no text"));
    }
    Ok(lines.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "(CNN) -- First paragraph.\n\nSecond paragraph.\n\n\
                         @highlight\n\nHighlight one\n\n@highlight\n\nHighlight\ntwo\n";

    #[test]
    fn text_before_the_first_marker_and_one_reference() {
        let (text, reference) = parse(STORY, Path::new("s.story")).unwrap();
        assert_eq!(text, "(CNN) -- First paragraph.\n\nSecond paragraph.");
        assert_eq!(reference, "Highlight one\nHighlight two");
    }

    #[test]
    fn missing_or_empty_highlights_are_errors() {
        let error = parse("Just text.\n", Path::new("s.story")).unwrap_err().to_string();
        assert_eq!(error, "s.story: field `references`: no @highlight line");
        let error = parse("Text.\n\n@highlight\n\nOne\n\n@highlight\n\n", Path::new("s.story")).unwrap_err();
        assert_eq!(error.to_string(), "s.story:7: field `references`: @highlight has no text");
    }

    #[test]
    fn reads_a_file_or_a_directory_in_name_order() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("b.story"), STORY.replace('\n', "\r\n")).unwrap();
        std::fs::write(tmp.path().join("a.story"), "Text.\n@highlight\nH.").unwrap();
        std::fs::write(tmp.path().join("notes.txt"), "ignored").unwrap();
        let docs: Vec<Document> = Reader::open(tmp.path()).unwrap().map(|r| r.unwrap().document).collect();
        assert_eq!(
            docs[0],
            Document {
                id: "a".into(),
                title: None,
                text: "Text.".into(),
                references: vec!["H.".into()],
                language: None
            }
        );
        assert_eq!(docs[1].id, "b");
        assert_eq!(docs[1].text, "(CNN) -- First paragraph.\n\nSecond paragraph.");
        assert_eq!(docs[1].references, ["Highlight one\nHighlight two"]);
        assert_eq!(docs.len(), 2);

        let single: Vec<_> = Reader::open(&tmp.path().join("a.story")).unwrap().collect();
        assert_eq!(single.len(), 1);
    }

    #[test]
    fn invalid_utf8_says_whether_it_is_in_text_or_highlights() {
        let tmp = tempfile::tempdir().unwrap();
        let in_text = tmp.path().join("t.story");
        std::fs::write(&in_text, b"Te\xffxt.\n@highlight\nH.").unwrap();
        let error = read_story(&in_text).unwrap_err().to_string();
        assert!(error.ends_with("t.story: field `text`: invalid UTF-8 at byte offset 2"), "{error}");
        let in_highlight = tmp.path().join("h.story");
        std::fs::write(&in_highlight, b"Text.\n@highlight\nH\xff.").unwrap();
        let error = read_story(&in_highlight).unwrap_err().to_string();
        assert!(error.ends_with("h.story: field `references`: invalid UTF-8 at byte offset 18"), "{error}");
    }
}
