//! Cheap checks that reject files built to exhaust the parser's stack before it sees them.
//!
//! The object parser recurses once per nested array or dictionary, so a file of a million
//! `[` characters would overflow even a large stack, and a stack overflow aborts the whole
//! process (it cannot be caught). Real PDFs nest a few dozen levels at most; compressed
//! stream data contains brackets at random, which behaves like a random walk and stays far
//! below the limit.

use crate::PdfError;

/// Deepest `[`/`<<` nesting accepted.
pub(crate) const MAX_NESTING: usize = 5_000;

/// Rejects inputs whose bracket nesting exceeds [`MAX_NESTING`].
pub(crate) fn check(bytes: &[u8]) -> Result<(), PdfError> {
    let depth = deepest_nesting(bytes);
    if depth > MAX_NESTING {
        return Err(PdfError::Damaged(format!(
            "arrays or dictionaries are nested {depth} levels deep (limit {MAX_NESTING}); the file is malformed or hostile"
        )));
    }
    Ok(())
}

/// Maximum running depth of `[`/`<<` openings against `]`/`>>` closings, floored at zero.
fn deepest_nesting(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let pair = bytes.get(i + 1) == Some(&bytes[i]);
        match bytes[i] {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'<' if pair => {
                depth += 1;
                i += 1;
            }
            b'>' if pair => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => {}
        }
        deepest = deepest.max(depth);
        i += 1;
    }
    deepest
}

/// Form XObjects may be nested at most this deep (real files: two or three).
const MAX_FORM_DEPTH: usize = 32;
/// Total form invocations examined per page, so a fan-out bomb is refused quickly.
const MAX_FORM_VISITS: usize = 10_000;

/// Why a page's drawing instructions must not be handed to the interpreter, which follows
/// form XObjects recursively without a depth limit: a form that draws itself would recurse
/// until the stack overflows and aborts the process.
pub(crate) fn form_xobject_problem(doc: &pdf_extract::Document, page_id: pdf_extract::ObjectId) -> Option<String> {
    let page = doc.get_dictionary(page_id).ok()?;
    let resources = inherited_resources(doc, page, 0)?;
    let content = doc.get_page_content(page_id).ok()?;
    let mut walk = FormWalk { doc, stack: Vec::new(), visits: 0 };
    walk.visit(&content, resources)
}

/// `/Resources` of the page or its nearest ancestor, as the interpreter resolves them.
fn inherited_resources<'a>(
    doc: &'a pdf_extract::Document,
    dict: &'a pdf_extract::Dictionary,
    depth: usize,
) -> Option<&'a pdf_extract::Dictionary> {
    if depth > MAX_FORM_DEPTH {
        return None;
    }
    match dict.get(b"Resources") {
        Ok(obj) => doc.dereference(obj).ok().and_then(|(_, o)| o.as_dict().ok()),
        Err(_) => {
            let parent = dict.get(b"Parent").ok()?.as_reference().ok()?;
            inherited_resources(doc, doc.get_dictionary(parent).ok()?, depth + 1)
        }
    }
}

struct FormWalk<'a> {
    doc: &'a pdf_extract::Document,
    stack: Vec<pdf_extract::ObjectId>,
    visits: usize,
}

impl<'a> FormWalk<'a> {
    fn visit(&mut self, content: &[u8], resources: &'a pdf_extract::Dictionary) -> Option<String> {
        if self.stack.len() > MAX_FORM_DEPTH {
            return Some(format!("form XObjects are nested more than {MAX_FORM_DEPTH} levels deep"));
        }
        let operations = pdf_extract::content::Content::decode(content).ok()?.operations;
        let xobjects = resources.get(b"XObject").ok().and_then(|o| self.doc.dereference(o).ok()).and_then(|(_, o)| o.as_dict().ok());
        for op in operations.iter().filter(|op| op.operator == "Do") {
            self.visits += 1;
            if self.visits > MAX_FORM_VISITS {
                return Some(format!("more than {MAX_FORM_VISITS} form XObjects are drawn"));
            }
            let Some(id) = op
                .operands
                .first()
                .and_then(|o| o.as_name().ok())
                .and_then(|name| xobjects?.get(name).ok())
                .and_then(|o| o.as_reference().ok())
            else {
                continue;
            };
            if self.stack.contains(&id) {
                return Some("a form XObject draws itself (reference cycle)".into());
            }
            let Ok(stream) = self.doc.get_object(id).and_then(|o| o.as_stream()) else {
                continue;
            };
            let is_form = stream.dict.get(b"Subtype").and_then(|s| s.as_name()).is_ok_and(|s| s == b"Form");
            if !is_form {
                continue;
            }
            let child_resources = stream
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|o| self.doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok())
                .unwrap_or(resources);
            let child_content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
            self.stack.push(id);
            if let Some(problem) = self.visit(&child_content, child_resources) {
                return Some(problem);
            }
            self.stack.pop();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_structures_pass() {
        assert_eq!(deepest_nesting(b"<< /A [1 [2] <</B 3>>] >>"), 3);
        assert!(check(b"%PDF-1.4 << /Kids [1 0 R] >>").is_ok());
    }

    #[test]
    fn deep_nesting_is_rejected() {
        let mut evil = b"%PDF-1.4\n1 0 obj ".to_vec();
        evil.extend(std::iter::repeat_n(b'[', MAX_NESTING + 10));
        assert!(matches!(check(&evil), Err(PdfError::Damaged(m)) if m.contains("nested")));
    }
}
