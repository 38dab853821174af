//! Drawing a design as PDF: corner marks, QR codes, page heads and what the layout placed.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document as PdfDocument;

use super::{mm, qr_text, Design, Draw, FormPdfError, BOLD, PAGE_H, PAGE_W, REGULAR, X0};
use crate::surveys::paper::layout::RectMm;
use crate::surveys::paper::sheet::form_number;
use crate::web::i18n::t_args;

/// What varies per print run.
pub struct Run<'a> {
    /// The wave.
    pub wave_id: i64,
    /// Its questionnaire text.
    pub version_id: i64,
    /// The stored layout's id (goes into the QR code).
    pub layout_id: i64,
    /// The municipality's name (page heads).
    pub municipality: &'a str,
}

fn black() -> Fill {
    Fill {
        paint: rgb::Color::new(0, 0, 0).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn rect_path(r: RectMm) -> Option<krilla::geom::Path> {
    let mut pb = PathBuilder::new();
    pb.push_rect(Rect::from_xywh(mm(r.x), mm(r.y), mm(r.w), mm(r.h))?);
    pb.finish()
}

/// Draws forms `from..=to` of the design as one PDF (every form all its pages).
pub fn render(design: &Design, run: &Run<'_>, from: u64, to: u64) -> Result<Vec<u8>, FormPdfError> {
    let mut pdf = PdfDocument::new();
    let fonts = [
        Font::new(REGULAR.into(), 0).ok_or_else(|| FormPdfError("lettertype".into()))?,
        Font::new(BOLD.into(), 0).ok_or_else(|| FormPdfError("lettertype (vet)".into()))?,
    ];
    let settings = PageSettings::from_wh(mm(PAGE_W), mm(PAGE_H))
        .ok_or_else(|| FormPdfError("pagina".into()))?;
    let total = design.pages.len();
    let layout = &design.layout;
    for sheet in from..=to {
        let form = form_number(run.wave_id, sheet);
        for (p, draws) in design.pages.iter().enumerate() {
            let mut page = pdf.start_page_with(settings.clone());
            let mut s = page.surface();
            s.set_fill(Some(black()));
            // Corner marks.
            for (cx, cy) in layout.corners {
                let h = layout.corner_side / 2.0;
                if let Some(path) = rect_path(RectMm {
                    x: cx - h,
                    y: cy - h,
                    w: layout.corner_side,
                    h: layout.corner_side,
                }) {
                    s.draw_path(&path);
                }
            }
            // QR code.
            let text = qr_text(
                run.wave_id,
                &form,
                p as u32 + 1,
                run.version_id,
                design.lang,
                run.layout_id,
            );
            draw_qr(&mut s, &text, layout.qr)?;
            // Page head: municipality, form number and page.
            let head = t_args(
                design.lang,
                "paper-form-number",
                &[
                    ("number", form.as_str()),
                    ("page", &(p + 1).to_string()),
                    ("pages", &total.to_string()),
                ],
            );
            draw_text(&mut s, &fonts, (X0, 15.0), 10.5, true, run.municipality);
            draw_text(&mut s, &fonts, (X0, 21.0), 10.0, false, &head);
            for d in draws {
                draw(&mut s, &fonts, d);
            }
            s.finish();
            page.finish();
        }
    }
    pdf.finish().map_err(|e| FormPdfError(format!("{e:?}")))
}

fn draw_text(
    s: &mut Surface,
    fonts: &[Font; 2],
    (x, y): (f32, f32),
    size: f32,
    bold: bool,
    text: &str,
) {
    s.set_fill(Some(black()));
    s.draw_text(
        Point::from_xy(mm(x), mm(y)),
        fonts[usize::from(bold)].clone(),
        size,
        text,
        false,
        TextDirection::Auto,
    );
}

fn draw(s: &mut Surface, fonts: &[Font; 2], d: &Draw) {
    match d {
        Draw::Text {
            x,
            y,
            size,
            bold,
            grey,
            text,
            ..
        } => {
            let v = if *grey { 0x44 } else { 0 };
            s.set_fill(Some(Fill {
                paint: rgb::Color::new(v, v, v).into(),
                opacity: NormalizedF32::ONE,
                rule: FillRule::NonZero,
            }));
            s.draw_text(
                Point::from_xy(mm(*x), mm(*y)),
                fonts[usize::from(*bold)].clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Draw::Fill(r) => {
            s.set_fill(Some(black()));
            if let Some(p) = rect_path(*r) {
                s.draw_path(&p);
            }
        }
        Draw::Frame(r, lw) => {
            s.set_fill(None);
            s.set_stroke(Some(Stroke {
                paint: rgb::Color::new(0, 0, 0).into(),
                width: *lw,
                ..Stroke::default()
            }));
            if let Some(p) = rect_path(*r) {
                s.draw_path(&p);
            }
            s.set_stroke(None);
            s.set_fill(Some(black()));
        }
        Draw::Line(x1, y1, x2, y2, lw) => {
            s.set_fill(None);
            s.set_stroke(Some(Stroke {
                paint: rgb::Color::new(0, 0, 0).into(),
                width: *lw,
                ..Stroke::default()
            }));
            let mut pb = PathBuilder::new();
            pb.move_to(mm(*x1), mm(*y1));
            pb.line_to(mm(*x2), mm(*y2));
            if let Some(p) = pb.finish() {
                s.draw_path(&p);
            }
            s.set_stroke(None);
            s.set_fill(Some(black()));
        }
    }
}

/// Draws a QR code filling `at` (with a quiet zone of two modules inside it).
fn draw_qr(s: &mut Surface, text: &str, at: RectMm) -> Result<(), FormPdfError> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M)
        .map_err(|e| FormPdfError(format!("QR-code: {e}")))?;
    let n = code.width();
    let module = at.w / (n as f32 + 4.0);
    s.set_fill(Some(black()));
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if code[(x, y)] == qrcode::Color::Dark {
                let start = x;
                while x < n && code[(x, y)] == qrcode::Color::Dark {
                    x += 1;
                }
                if let Some(p) = rect_path(RectMm {
                    x: at.x + module * (start as f32 + 2.0),
                    y: at.y + module * (y as f32 + 2.0),
                    w: module * (x - start) as f32,
                    h: module,
                }) {
                    s.draw_path(&p);
                }
            } else {
                x += 1;
            }
        }
    }
    Ok(())
}
