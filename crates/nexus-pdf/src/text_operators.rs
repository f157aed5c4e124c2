//! Rewrites the "next line and show text" operators `'` and `"` into their documented
//! equivalents (`T* Tj`, `Tw Tc T* Tj`) before interpretation.
//!
//! pdf-extract 0.12 ignores both operators, which silently drops whole lines and lets the
//! following text overprint the previous line. groff/Ghostscript output uses `'` routinely.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Document, Object, ObjectId};

/// Rewrites the content streams of one page in place. Streams that cannot be decoded are left
/// alone (the interpreter will report them).
pub(crate) fn normalise_page(doc: &mut Document, page_id: ObjectId) {
    for stream_id in doc.get_page_contents(page_id) {
        let Ok(Object::Stream(stream)) = doc.get_object_mut(stream_id) else {
            continue;
        };
        let Ok(bytes) =
            stream.decompressed_content().or_else(|_| if stream.dict.has(b"Filter") { Err(()) } else { Ok(stream.content.clone()) })
        else {
            continue;
        };
        if !bytes.contains(&b'\'') && !bytes.contains(&b'"') {
            continue;
        }
        let Ok(content) = Content::decode(&bytes) else {
            continue;
        };
        if !content.operations.iter().any(|op| op.operator == "'" || op.operator == "\"") {
            continue;
        }
        let rewritten = Content { operations: rewrite(content.operations) };
        if let Ok(encoded) = rewritten.encode() {
            stream.set_plain_content(encoded);
        }
    }
}

fn rewrite(operations: Vec<Operation>) -> Vec<Operation> {
    let mut out = Vec::with_capacity(operations.len() + 16);
    for op in operations {
        match (op.operator.as_str(), op.operands.as_slice()) {
            ("'", [text]) => {
                out.push(Operation::new("T*", vec![]));
                out.push(Operation::new("Tj", vec![text.clone()]));
            }
            ("\"", [word_spacing, char_spacing, text]) => {
                out.push(Operation::new("Tw", vec![word_spacing.clone()]));
                out.push(Operation::new("Tc", vec![char_spacing.clone()]));
                out.push(Operation::new("T*", vec![]));
                out.push(Operation::new("Tj", vec![text.clone()]));
            }
            _ => out.push(op),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_operators_become_explicit_moves() {
        let ops = Content::decode(b"BT (a) Tj (b) ' 1 2 (c) \" ET").expect("valid content").operations;
        let names: Vec<String> = rewrite(ops).into_iter().map(|o| o.operator).collect();
        assert_eq!(names, ["BT", "Tj", "T*", "Tj", "Tw", "Tc", "T*", "Tj", "ET"]);
    }
}
