//! JSON Lines, one line at a time: the one rule every JSONL reader of
//! sumbench follows (corpora, `eval` and `rouge` candidate lines, outside
//! systems' summaries, human judgments, `summaries.jsonl`). A line ends at
//! `\n` (a `\r` before it is dropped); a UTF-8 byte-order mark opening the
//! input is skipped; blank lines (ASCII whitespace only) are skipped but
//! counted, so line numbers are a text editor's. Each reader parses the
//! bytes itself and names its own fields in errors.

use std::io::{self, BufRead, BufReader};
use std::path::Path;

/// The UTF-8 byte-order mark.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The name messages give standard input.
pub const STDIN: &str = "<stdin>";

/// The read buffer of a file input (1 MiB: long lines, few system calls).
const INPUT_BUFFER: usize = 1 << 20;

/// The name messages give an input: its path, or [`STDIN`] for `-` or none.
pub fn input_name(path: Option<&Path>) -> &Path {
    match path {
        Some(path) if path.as_os_str() != "-" => path,
        _ => Path::new(STDIN),
    }
}

/// A JSONL input as the commands take it: the file at `path`, or standard
/// input for `-` or none (see [`input_name`]). The error is the file's.
pub fn open_input(path: Option<&Path>) -> io::Result<Box<dyn BufRead>> {
    match path {
        Some(path) if path.as_os_str() != "-" => {
            Ok(Box::new(BufReader::with_capacity(INPUT_BUFFER, std::fs::File::open(path)?)))
        }
        _ => Ok(Box::new(io::stdin().lock())),
    }
}

/// One non-blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The line without its line break (nor, on line 1, a byte-order mark).
    pub bytes: &'a [u8],
    /// Bytes skipped at the line's start (3 when it opened with a byte-order
    /// mark), so a column counted in `bytes` can be given in the file's terms.
    pub skipped: usize,
}

/// Reads the non-blank lines of a JSONL input in order.
#[derive(Debug)]
pub struct JsonLines<R> {
    input: R,
    number: usize,
    buffer: Vec<u8>,
}

impl<R: BufRead> JsonLines<R> {
    /// Lines of `input`.
    pub fn new(input: R) -> Self {
        JsonLines { input, number: 0, buffer: Vec::new() }
    }

    /// The next non-blank line, `None` at the end of the input, or the read error.
    pub fn next_line(&mut self) -> Option<io::Result<Line<'_>>> {
        loop {
            self.buffer.clear();
            match read_line(&mut self.input, &mut self.buffer) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(error) => return Some(Err(error)),
            }
            self.number += 1;
            // Indices, not a slice: the line is returned from inside the loop.
            let mut end = self.buffer.len();
            for ending in [b'\n', b'\r'] {
                if end > 0 && self.buffer[end - 1] == ending {
                    end -= 1;
                }
            }
            let skipped = if self.number == 1 && self.buffer[..end].starts_with(BOM) { BOM.len() } else { 0 };
            if !self.buffer[skipped..end].iter().all(u8::is_ascii_whitespace) {
                let bytes = &self.buffer[skipped..end];
                return Some(Ok(Line { number: self.number, bytes, skipped }));
            }
        }
    }
}

/// `BufRead::read_until(b'\n')`, with the `memchr` crate's vectorized
/// search for the line end (the standard library's is a word at a time).
fn read_line<R: BufRead>(input: &mut R, buffer: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        let (done, used) = match memchr::memchr(b'\n', available) {
            Some(at) => (true, at + 1),
            None => (available.is_empty(), available.len()),
        };
        buffer.extend_from_slice(&available[..used]);
        input.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<(usize, String, usize)> {
        let mut reader = JsonLines::new(input);
        let mut out = Vec::new();
        while let Some(line) = reader.next_line() {
            let line = line.unwrap();
            out.push((line.number, String::from_utf8_lossy(line.bytes).into_owned(), line.skipped));
        }
        out
    }

    #[test]
    fn numbers_skip_blank_lines_and_drop_line_breaks_and_the_bom() {
        let input = "\u{feff}{\"a\": 1}\r\n\n  \t\r\n{\"b\": 2}\n{\"c\": 3}".as_bytes();
        assert_eq!(
            lines(input),
            [(1, "{\"a\": 1}".into(), 3), (4, "{\"b\": 2}".into(), 0), (5, "{\"c\": 3}".into(), 0)]
        );
    }

    #[test]
    fn a_bom_is_skipped_only_at_the_start_of_the_input() {
        let input = "{}\n\u{feff}{}\n".as_bytes();
        assert_eq!(lines(input), [(1, "{}".into(), 0), (2, "\u{feff}{}".into(), 0)]);
        assert!(lines(b"").is_empty());
        assert!(lines("\u{feff}\n".as_bytes()).is_empty());
    }
}
