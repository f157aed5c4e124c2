//! Parsing the file and collecting glyphs page by page, so that one unreadable page costs a
//! warning rather than the whole document.

use pdf_extract::Document;

use crate::glyphs::{GlyphCollector, PageGlyphs};
use crate::{ExtractOptions, PdfError, guard, hostile, text_operators};

/// A parsed document with the glyphs of each page that was read.
pub(crate) struct Loaded {
    pub document: Document,
    pub page_count: usize,
    pub pages: Vec<PageGlyphs>,
    pub warnings: Vec<String>,
}

pub(crate) fn load(bytes: &[u8], options: &ExtractOptions) -> Result<Loaded, PdfError> {
    let mut document = guard::catch_panic(|| Document::load_mem(bytes).map_err(describe_load_error))?;
    // lopdf opens files protected only by an owner password (empty user password) by itself
    // and then records that it decrypted them; otherwise the file needs a password we lack.
    if document.is_encrypted() && !document.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let page_ids = guard::catch_panic(|| Ok(document.get_pages()))?;
    if page_ids.is_empty() {
        return Err(PdfError::Damaged("no pages found (the page tree is missing or broken)".into()));
    }

    let mut warnings = Vec::new();
    let mut pages = Vec::new();
    let mut budget = options.max_glyphs;
    for (&number, &page_id) in page_ids.iter().take(options.max_pages) {
        if let Some(problem) = hostile::form_xobject_problem(&document, page_id) {
            warnings.push(format!("page {number}: skipped, {problem}"));
            pages.push(PageGlyphs { number, unreadable: true, ..PageGlyphs::default() });
            continue;
        }
        // A panic here leaves the page as it was; the interpreter then reports it.
        let _ = guard::catch_panic(|| {
            text_operators::normalise_page(&mut document, page_id);
            Ok(())
        });
        let mut collector = GlyphCollector::new(number, budget);
        let outcome = guard::catch_panic(|| {
            pdf_extract::output_doc_page(&document, &mut collector, number).map_err(|e| PdfError::Damaged(e.to_string()))
        });
        budget = collector.budget;
        let mut page = collector.page;
        if collector.budget_exhausted {
            warnings.push(format!("page {number}: stopped after {} characters; the rest of the document was not read", options.max_glyphs));
            pages.push(page);
            break;
        }
        if let Err(e) = outcome {
            warnings.push(format!("page {number}: could not be read completely ({e})"));
            page.unreadable = true;
        }
        pages.push(page);
    }
    if page_ids.len() > options.max_pages {
        warnings.push(format!("only the first {} of {} pages were read", options.max_pages, page_ids.len()));
    }
    Ok(Loaded { document, page_count: page_ids.len(), pages, warnings })
}

fn describe_load_error(error: pdf_extract::Error) -> PdfError {
    use pdf_extract::Error as E;
    match error {
        E::Decryption(_) | E::InvalidPassword | E::AlreadyEncrypted => PdfError::Encrypted,
        E::Xref(e) => PdfError::Damaged(format!("the cross-reference table is missing or corrupt ({e}); the file may be truncated")),
        other => PdfError::Damaged(format!("{other} (the file may be truncated or corrupt)")),
    }
}
