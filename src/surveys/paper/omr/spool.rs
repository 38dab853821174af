//! The spool of a scan run: every page's read written to a temporary file as soon as it is made,
//! with an index by form number, and the pages of each form put together into a [`SheetRead`]
//! with its conflicts.

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Seek, SeekFrom, Write};

use super::{Conflict, Mark, PageId, PageRead, SheetRead};
use crate::surveys::definition::{Definition, ItemKind};

/// Page reads of a run, spooled to a temporary file, with an index by form.
pub struct Spool {
    file: std::fs::File,
    at: u64,
    /// Per form: (page, offset, length) of each read.
    forms: BTreeMap<String, Vec<(u32, u64, u64)>>,
    /// Pages that could not be placed in a form.
    loose: Vec<(u64, u64)>,
    /// Pages read.
    pub pages: u64,
}

impl Spool {
    /// An empty spool.
    pub fn new() -> std::io::Result<Spool> {
        Ok(Spool {
            file: tempfile::tempfile()?,
            at: 0,
            forms: BTreeMap::new(),
            loose: vec![],
            pages: 0,
        })
    }

    /// Adds a page read.
    pub fn push(&mut self, read: &PageRead) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(read).map_err(std::io::Error::other)?;
        line.push(b'\n');
        self.file.seek(SeekFrom::Start(self.at))?;
        self.file.write_all(&line)?;
        let entry = (self.at, line.len() as u64);
        self.at += line.len() as u64;
        self.pages += 1;
        match (&read.id, &read.problem) {
            (Some(id), None) => self
                .forms
                .entry(id.form.clone())
                .or_default()
                .push((id.page, entry.0, entry.1)),
            _ => self.loose.push(entry),
        }
        Ok(())
    }

    fn load(&mut self, (at, len): (u64, u64)) -> std::io::Result<PageRead> {
        self.file.seek(SeekFrom::Start(at))?;
        let mut buf = vec![0u8; len as usize];
        self.file.read_exact(&mut buf)?;
        serde_json::from_slice(&buf).map_err(std::io::Error::other)
    }

    /// The forms, one at a time, put together (see [`assemble`]), then every page that could not
    /// be placed as a sheet of its own (empty form number).
    pub fn sheets<'s>(
        &'s mut self,
        def: &'s Definition,
        pages_per_form: &'s dyn Fn(&PageId) -> u32,
    ) -> impl Iterator<Item = std::io::Result<SheetRead>> + 's {
        #[allow(clippy::type_complexity)] // form number with its pages: (page, offset, length)
        let forms: Vec<(String, Vec<(u32, u64, u64)>)> =
            std::mem::take(&mut self.forms).into_iter().collect();
        let loose = std::mem::take(&mut self.loose);
        let mut forms = forms.into_iter();
        let mut loose = loose.into_iter();
        std::iter::from_fn(move || {
            if let Some((form, entries)) = forms.next() {
                let mut pages = vec![];
                for (_, at, len) in entries {
                    match self.load((at, len)) {
                        Ok(p) => pages.push(p),
                        Err(e) => return Some(Err(e)),
                    }
                }
                let total = pages
                    .first()
                    .and_then(|p| p.id.as_ref())
                    .map(pages_per_form)
                    .unwrap_or(0);
                return Some(Ok(assemble(def, form, pages, total)));
            }
            let entry = loose.next()?;
            Some(self.load(entry).map(|p| SheetRead {
                wave_id: p.id.as_ref().map(|i| i.wave_id).unwrap_or_default(),
                form: String::new(),
                version_id: p.id.as_ref().map(|i| i.version_id).unwrap_or_default(),
                lang: p.id.as_ref().map(|i| i.lang.clone()).unwrap_or_default(),
                pages: vec![p],
                conflicts: vec![],
            }))
        })
    }
}

/// A form read again while an earlier read of it waits for the clerk (a form whose pages came in
/// two stacks or two uploads): the pages of the newer read, with the earlier read's pages that
/// the newer one lacks, put together again. A page in both counts as in the newer read (scanned
/// again to replace it). An earlier read of another questionnaire text or language is left out.
pub fn join_earlier(
    def: &Definition,
    newer: SheetRead,
    earlier: SheetRead,
    total: u32,
) -> SheetRead {
    if earlier.version_id != newer.version_id || earlier.lang != newer.lang {
        return newer;
    }
    let SheetRead {
        form, mut pages, ..
    } = newer;
    let present: Vec<u32> = pages
        .iter()
        .filter_map(|p| p.id.as_ref().map(|i| i.page))
        .collect();
    pages.extend(
        earlier
            .pages
            .into_iter()
            .filter(|p| p.id.as_ref().is_some_and(|i| !present.contains(&i.page))),
    );
    assemble(def, form, pages, total)
}

/// The pages of one form put together: in page order, with conflicts (a page twice with other
/// reads, a page missing, two answers on a one-answer question). Boxes in a conflict are marked
/// for verification.
pub fn assemble(def: &Definition, form: String, mut pages: Vec<PageRead>, total: u32) -> SheetRead {
    pages.sort_by_key(|p| p.id.as_ref().map(|i| i.page).unwrap_or(0));
    let mut conflicts = vec![];
    // The same page twice: the same reads count once; different reads are a conflict.
    let mut kept: Vec<PageRead> = vec![];
    for p in pages {
        let n = p.id.as_ref().map(|i| i.page).unwrap_or(0);
        match kept
            .iter()
            .find(|k| k.id.as_ref().map(|i| i.page) == Some(n))
        {
            Some(k) => {
                let same = k.boxes.iter().zip(&p.boxes).all(|(a, b)| a.mark == b.mark);
                if !same && !conflicts.contains(&Conflict::PageTwice { page: n }) {
                    conflicts.push(Conflict::PageTwice { page: n });
                }
            }
            None => kept.push(p),
        }
    }
    for n in 1..=total {
        if !kept
            .iter()
            .any(|k| k.id.as_ref().map(|i| i.page) == Some(n))
        {
            conflicts.push(Conflict::PageMissing { page: n });
        }
    }
    // Two answers on a one-answer question.
    let mut marked: HashMap<&str, usize> = HashMap::new();
    let mut blacked: Vec<String> = vec![];
    for b in kept.iter().flat_map(|p| &p.boxes) {
        if b.mark == Mark::Marked {
            *marked.entry(b.item.as_str()).or_default() += 1;
        }
        if b.mark == Mark::Cancelled && !blacked.contains(&b.item) {
            blacked.push(b.item.clone());
        }
    }
    // A blacked-out box and no other box of its question marked: taken back, or filled in as the
    // answer? The form says to cross the right box after blacking out a wrong one, so only the
    // clerk can tell.
    blacked.retain(|item| !marked.contains_key(item.as_str()));
    let mut double = vec![];
    for item in def.items() {
        let one = !matches!(item.kind, ItemKind::Multi { .. });
        if one && marked.get(item.key.as_str()).copied().unwrap_or(0) > 1 {
            double.push(item.key.clone());
            conflicts.push(Conflict::DoubleMark {
                item: item.key.clone(),
            });
        }
    }
    let first = kept.first().and_then(|p| p.id.clone());
    let mut sheet = SheetRead {
        wave_id: first.as_ref().map(|i| i.wave_id).unwrap_or_default(),
        form,
        version_id: first.as_ref().map(|i| i.version_id).unwrap_or_default(),
        lang: first.map(|i| i.lang).unwrap_or_default(),
        pages: kept,
        conflicts,
    };
    if !double.is_empty() || !blacked.is_empty() {
        for p in &mut sheet.pages {
            for b in &mut p.boxes {
                if (double.contains(&b.item) || blacked.contains(&b.item)) && b.mark != Mark::Empty
                {
                    b.needs_verification = true;
                }
            }
        }
    }
    sheet
}

#[cfg(test)]
mod join_tests {
    use super::*;
    use crate::surveys::paper::omr::BoxRead;

    fn page(n: u32, boxes: Vec<(&str, &str, Mark)>) -> PageRead {
        PageRead {
            scan_index: n as u64,
            id: Some(PageId {
                wave_id: 3,
                form: "R3-000001".into(),
                page: n,
                version_id: 1,
                lang: "nl".into(),
                layout_id: 1,
            }),
            fit: None,
            problem: None,
            boxes: boxes
                .into_iter()
                .map(|(item, value, mark)| BoxRead {
                    item: item.into(),
                    value: value.into(),
                    mark,
                    confidence: 0.99,
                    ink: if mark == Mark::Empty { 0.0 } else { 0.9 },
                    needs_verification: false,
                    cutout_png: (mark != Mark::Empty).then(|| vec![1]),
                })
                .collect(),
            fields: vec![],
            thumbnail_png: None,
        }
    }

    #[test]
    fn a_blacked_out_box_alone_in_its_question_goes_to_the_clerk() {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let p = page(
            1,
            vec![
                // Blacked out, and the right box crossed: a correction, clear.
                ("team", "inkomen", Mark::Cancelled),
                ("team", "werk", Mark::Marked),
                // Blacked out and nothing else: taken back, or the answer filled in?
                ("laatste_contact", "dit_jaar", Mark::Cancelled),
                ("laatste_contact", "vorig_jaar", Mark::Empty),
            ],
        );
        let sheet = assemble(&def, "R3-000001".into(), vec![p], 1);
        let asked: Vec<(&str, &str)> = sheet.pages[0]
            .boxes
            .iter()
            .filter(|b| b.needs_verification)
            .map(|b| (b.item.as_str(), b.value.as_str()))
            .collect();
        assert_eq!(asked, [("laatste_contact", "dit_jaar")]);
        assert!(!sheet.is_clear());
    }

    #[test]
    fn a_form_in_two_stacks_is_put_together_and_a_page_read_again_replaces_the_earlier() {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let earlier = assemble(
            &def,
            "R3-000001".into(),
            vec![
                page(1, vec![("laatste_contact", "dit_jaar", Mark::Marked)]),
                page(2, vec![("team", "werk", Mark::Marked)]),
            ],
            3,
        );
        let newer = assemble(
            &def,
            "R3-000001".into(),
            vec![
                page(2, vec![("team", "inkomen", Mark::Marked)]),
                page(3, vec![("cijfer", "7", Mark::Marked)]),
            ],
            3,
        );
        let joined = join_earlier(&def, newer, earlier, 3);
        let pages: Vec<u32> = joined
            .pages
            .iter()
            .filter_map(|p| p.id.as_ref().map(|i| i.page))
            .collect();
        assert_eq!(pages, [1, 2, 3]);
        assert!(joined.conflicts.is_empty(), "{:?}", joined.conflicts);
        let marked = joined.marked();
        assert_eq!(marked["laatste_contact"], ["dit_jaar"]);
        assert_eq!(marked["team"], ["inkomen"], "the page read again counts");
        assert_eq!(marked["cijfer"], ["7"]);
    }
}

/// Lines of a spooled file, for tests.
#[cfg(test)]
fn spooled_lines(spool: &mut Spool) -> usize {
    use std::io::{BufRead, BufReader};
    let _ = spool.file.rewind();
    BufReader::new(&spool.file).lines().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::paper::omr::BoxRead;

    fn page_read(form: &str, page: u32, marks: &[(&str, &str, Mark)]) -> PageRead {
        PageRead {
            scan_index: 1,
            id: Some(PageId {
                wave_id: 1,
                form: form.into(),
                page,
                version_id: 1,
                lang: "nl".into(),
                layout_id: 1,
            }),
            fit: None,
            problem: None,
            boxes: marks
                .iter()
                .map(|(i, v, m)| BoxRead {
                    item: i.to_string(),
                    value: v.to_string(),
                    mark: *m,
                    confidence: 1.0,
                    ink: 0.0,
                    needs_verification: false,
                    cutout_png: None,
                })
                .collect(),
            fields: vec![],
            thumbnail_png: None,
        }
    }

    #[test]
    fn pages_in_any_order_make_one_sheet_with_its_conflicts() {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let mut spool = Spool::new().unwrap();
        spool
            .push(&page_read(
                "R1-000002",
                2,
                &[("team", "werk", Mark::Marked)],
            ))
            .unwrap();
        spool
            .push(&page_read(
                "R1-000001",
                1,
                &[
                    ("laatste_contact", "dit_jaar", Mark::Marked),
                    ("laatste_contact", "eerder", Mark::Marked),
                ],
            ))
            .unwrap();
        spool
            .push(&page_read(
                "R1-000002",
                1,
                &[("team", "inkomen", Mark::Empty)],
            ))
            .unwrap();
        assert_eq!(spooled_lines(&mut spool), 3);
        let sheets: Vec<SheetRead> = spool
            .sheets(&def, &|_| 2)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(sheets.len(), 2);
        assert_eq!(sheets[0].form, "R1-000001");
        assert!(sheets[0].conflicts.contains(&Conflict::DoubleMark {
            item: "laatste_contact".into()
        }));
        assert!(sheets[0]
            .conflicts
            .contains(&Conflict::PageMissing { page: 2 }));
        assert!(sheets[0].pages[0]
            .boxes
            .iter()
            .all(|b| b.needs_verification));
        let pages: Vec<u32> = sheets[1]
            .pages
            .iter()
            .map(|p| p.id.as_ref().unwrap().page)
            .collect();
        assert_eq!(pages, vec![1, 2]);
        assert!(sheets[1].is_clear());
    }
}
