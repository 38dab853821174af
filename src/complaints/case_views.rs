//! The case page: at the top a summary (stage, deadline and its warning, who handles it) with the
//! one or two next steps as the main actions; then the complaint and the timeline of what
//! happened; every other action is secondary, behind a disclosure. A refused form comes back as it
//! was typed, opened, with the reason at the top.

use maud::{html, Markup};

use super::access;
use super::deadlines;
use super::lists_views::urgency_badge;
use super::model::{self, Complaint};
use super::queries::CaseView;
use super::terms::{ConsentWay, DeclineGround, HearingMode, Judgement, Kind, SkipGround};
use super::workflow::{self, Action, State};
use crate::accounts::model::CurrentUser;
use crate::fmt::date_text;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_count, Lang};
use crate::web::layout::{self, csrf_field, error_summary};

/// A refused form as it was typed: which form, and its fields.
#[derive(Debug, Clone)]
pub struct Refill {
    form: String,
    fields: Vec<(String, String)>,
}

impl Refill {
    /// The typed values of form `form`.
    pub fn new(form: &str, fields: &[(String, String)]) -> Refill {
        Refill {
            form: form.to_string(),
            fields: fields
                .iter()
                .filter(|(k, _)| k != "csrf")
                .cloned()
                .collect(),
        }
    }

    /// The form's id (also the anchor the error links to).
    pub fn form(&self) -> &str {
        &self.form
    }
}

/// What the page shows besides the case.
#[derive(Default)]
pub struct Shown<'a> {
    /// What to fix.
    pub error: Option<&'a str>,
    /// A notice after a change (a locale key).
    pub notice: Option<&'a str>,
    /// The refused form as typed.
    pub refill: Option<&'a Refill>,
}

/// The values of one form: as typed when it was refused, otherwise as stored.
pub(super) struct Values<'a> {
    refill: Option<&'a Refill>,
}

impl<'a> Values<'a> {
    pub(super) fn of(form: &'a str, refill: Option<&'a Refill>) -> Values<'a> {
        Values {
            refill: refill.filter(|r| r.form == form),
        }
    }

    /// Whether this form was the one refused.
    pub(super) fn refused(&self) -> bool {
        self.refill.is_some()
    }

    /// One value: typed, or `stored`.
    pub(super) fn one(&self, name: &str, stored: &str) -> String {
        match self.refill {
            Some(r) => r
                .fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            None => stored.to_string(),
        }
    }

    /// Whether `value` is chosen for `name`: typed, or `stored`.
    pub(super) fn chosen(&self, name: &str, value: &str, stored: bool) -> bool {
        match self.refill {
            Some(r) => r.fields.iter().any(|(k, v)| k == name && v == value),
            None => stored,
        }
    }
}

/// The steps that are the main actions in each stage, in order of preference; the first one or
/// two that this person may take now are shown at the top.
fn main_steps(state: State) -> &'static [Action] {
    match state {
        State::Received => &[Action::StartMediation, Action::StartFormalHandling],
        State::Mediation => &[Action::ResolveInformally, Action::StartFormalHandling],
        State::FormalHandling => &[Action::InformPersonComplainedAbout, Action::PlanHearing],
        State::HearingPlanned => &[Action::HoldHearing],
        State::Heard => &[Action::RecordAdvice, Action::Decide],
        State::Advised => &[Action::Decide],
        State::Decided | State::ResolvedInformally => &[Action::Close],
        State::WithOmbudsman => &[Action::RecordOmbudsmanOutcome],
        State::Referred | State::NotHandled | State::Withdrawn | State::Closed => &[],
    }
}

/// The case page.
pub fn case_markup(ctx: &Ctx, k: &CaseView, u: &CurrentUser, shown: Shown<'_>) -> Markup {
    let lang = ctx.lang;
    let c = &k.c;
    let state = c.state;
    // Steps this person may take now, without those already taken or not for this case.
    let steps: Vec<Action> = access::steps(u, &k.subject)
        .into_iter()
        .filter(|a| workflow::find(state, *a).is_some_and(|t| workflow::offered(t, &k.facts)))
        .collect();
    let main: Vec<Action> = main_steps(state)
        .iter()
        .filter(|a| steps.contains(a))
        .take(2)
        .copied()
        .collect();
    let others: Vec<Action> = steps
        .iter()
        .filter(|a| !main.contains(a))
        .copied()
        .collect();
    let anchor = shown.refill.map_or("stappen", Refill::form);
    let errors: Vec<(&str, String)> = shown
        .error
        .map(|e| (anchor, e.to_string()))
        .into_iter()
        .collect();
    let refused_other = shown.refill.is_some_and(|r| {
        others
            .iter()
            .any(|a| r.form == format!("stap-{}", a.code()))
    });
    html! {
        @if let Some(key) = shown.notice { div.notice role="status" { p { (t(lang, key)) } } }
        (error_summary(ctx, &errors))
        (summary(ctx, k))
        h2 #stappen { (t(lang, "case-next-steps")) }
        @if main.is_empty() && others.is_empty() { p { (t(lang, "case-no-steps")) } }
        @for action in &main { (step_form(ctx, k, *action, true, shown.refill)) }
        @if !others.is_empty() {
            details.more open[refused_other] {
                summary { (t(lang, "case-other-steps")) }
                @for action in &others { (step_form(ctx, k, *action, false, shown.refill)) }
            }
        }
        (super::case_sections::sections(ctx, k, u, shown.refill))
        h2 { (t(lang, "case-history")) }
        ol.history {
            @for e in &k.events {
                li {
                    (layout::local_time(e.at)) " · " (e.who.as_deref().unwrap_or("–")) " · " (t(lang, &format!("event-{}", e.action)))
                    @if e.from != e.to { " (" (t(lang, &format!("case-stage-{}", e.from.code()))) " → " (t(lang, &format!("case-stage-{}", e.to.code()))) ")" }
                    @if let Some(r) = &e.reason { br; span.pre { (r) } }
                }
            }
        }
    }
}

/// Stage, deadline and its warning, and who handles the case.
fn summary(ctx: &Ctx, k: &CaseView) -> Markup {
    let lang = ctx.lang;
    let c = &k.c;
    let state = c.state;
    let today = crate::fmt::today();
    let ack_target =
        deadlines::acknowledgement_target(c.received_on, deadlines::Targets::default());
    html! {
        section.case-summary aria-labelledby="samenvatting" {
            h2 #samenvatting .visually-hidden { (t(lang, "case-summary")) }
            dl.case {
                dt { (t(lang, "case-stage")) } dd { strong { (t(lang, &format!("case-stage-{}", state.code()))) } }
                @if state.deadline_runs() {
                    dt { (t(lang, "case-deadline")) }
                    dd { (date_text(c.deadline_on)) (urgency_badge(lang, today, c.deadline_on, true))
                         " " (crate::web::i18n::t_nums(lang, "case-deadline-basis", &[("weeks", if c.committee { 10 } else { 6 }), ("postponed", i64::from(k.p.postponement_weeks))], &[])) }
                    @if let Some(target) = k.p.mediation_target.filter(|_| state == State::Mediation && k.p.mediation_contact_on.is_none()) {
                        dt { (t(lang, "case-mediation-target")) } dd { (date_text(target)) (urgency_badge(lang, today, target, true)) }
                    }
                    // Only while the printed acknowledgement has not been posted (e-mail goes at once).
                    @if state == State::Received && k.letters > 0 {
                        dt { (t(lang, "case-ack-target")) } dd { (date_text(ack_target)) (urgency_badge(lang, today, ack_target, true)) }
                    }
                }
                dt { (t(lang, "case-handler")) } dd { (k.handler_name.as_deref().unwrap_or("–")) @if c.committee { " · " (t(lang, "case-committee")) } }
                @if k.letters > 0 {
                    dt { (t(lang, "case-letters")) }
                    dd { (t_count(lang, "case-letters-waiting", k.letters)) }
                }
            }
        }
    }
}

/// One step as a form; a main step has a primary button, the others a secondary one. The decision
/// is a link to its own page, where the letter is seen before it goes.
fn step_form(
    ctx: &Ctx,
    k: &CaseView,
    action: Action,
    main: bool,
    refill: Option<&Refill>,
) -> Markup {
    let lang = ctx.lang;
    let base = format!("/klachten/{}", k.c.id);
    let form_id = format!("stap-{}", action.code());
    let v = Values::of(&form_id, refill);
    let reason_required = workflow::find(k.c.state, action).is_some_and(|t| t.reason_required);
    let label = t(lang, &format!("action-{}", action.code()));
    if action == Action::Decide {
        return html! { p { a.tap.button href={ (base) "/beslissing" } { (t(lang, "decision-open")) } } };
    }
    html! {
        form.step id=(form_id) method="post" action={ (base) "/stap" } {
            (csrf_field(ctx))
            input type="hidden" name="actie" value=(action.code());
            fieldset {
                legend { (label) }
                @if action.is_irreversible() { p.hint { (t(lang, "case-step-confirm-hint")) } }
                (action_fields(lang, action, reason_required, &v))
                @if main { button type="submit" { (label) } }
                @else { button.secondary type="submit" { (label) } }
            }
        }
    }
}

/// A select with an empty first choice: nothing is chosen for the person.
fn choose(
    lang: Lang,
    id: &str,
    name: &str,
    label: &str,
    options: Vec<(&str, String)>,
    chosen: &str,
) -> Markup {
    html! {
        div.field {
            label for=(id) { (label) }
            select id=(id) name=(name) {
                option value="" selected[chosen.is_empty()] { (t(lang, "case-choose")) }
                @for (value, text) in options { option value=(value) selected[chosen == value] { (text) } }
            }
        }
    }
}

/// The fields an action's form needs, with the values typed before.
fn action_fields(lang: Lang, action: Action, reason_required: bool, v: &Values<'_>) -> Markup {
    let id = |f: &str| format!("{}-{f}", action.code());
    let field = |f: &str, label: &str, kind: &str| {
        html! { div.field { label for=(id(f)) { (t(lang, label)) } input id=(id(f)) type=(kind) name=(f) value=(v.one(f, "")); } }
    };
    let area = |f: &str, label: &str, rows: u32| {
        html! { div.field { label for=(id(f)) { (t(lang, label)) } textarea id=(id(f)) name=(f) rows=(rows) { (v.one(f, "")) } } }
    };
    html! {
        @match action {
            Action::Decline => {
                (choose(lang, &id("grond"), "grond", &t(lang, "step-ground-98"),
                    DeclineGround::ALL.iter().map(|g| (g.code(), t(lang, &format!("ground-{g}")))).collect(), &v.one("grond", "")))
            }
            Action::SkipHearing => {
                (choose(lang, &id("grond"), "grond", &t(lang, "step-ground-910"),
                    SkipGround::ALL.iter().map(|g| (g.code(), t(lang, &format!("ground-{g}")))).collect(), &v.one("grond", "")))
            }
            Action::Postpone => {
                @let weeks = v.one("weken", "4");
                div.field {
                    label for=(id("weken")) { (t(lang, "step-weeks")) }
                    select id=(id("weken")) name="weken" {
                        @for w in 1..=deadlines::MAX_POSTPONEMENT_WEEKS { option value=(w) selected[weeks == w.to_string()] { (w) } }
                    }
                }
            }
            Action::RecordFileConsent => {
                (field("datum", "step-consent-date", "date"))
                (choose(lang, &id("tekst"), "tekst", &t(lang, "step-consent-how"),
                    ConsentWay::ALL.iter().map(|w| (w.code(), t(lang, &format!("consent-{w}")))).collect(), &v.one("tekst", "")))
            }
            Action::PlanHearing => {
                (field("datum", "step-hearing-date", "date"))
                (field("tijd", "step-hearing-time", "time"))
                (choose(lang, &id("wijze"), "wijze", &t(lang, "step-hearing-mode"),
                    HearingMode::choices().into_iter().map(|m| (m.code(), t(lang, &format!("hearing-mode-{m}")))).collect(), &v.one("wijze", "")))
                (field("plaats", "step-hearing-place", "text"))
                (field("genodigden", "step-hearing-invitees", "text"))
            }
            Action::HoldHearing => {
                (field("aanwezig", "step-attendance", "text"))
                (area("tekst", "step-minutes", 6))
            }
            Action::RecordAdvice => { (area("tekst", "step-advice", 4)) }
            Action::ReferToOmbudsman => { (field("datum", "step-ombudsman-date", "date")) }
            Action::RecordOmbudsmanOutcome => { (area("tekst", "step-ombudsman-outcome", 3)) }
            Action::ReferToBezwaar | Action::StartMediation | Action::ResolveInformally
            | Action::StartFormalHandling | Action::Withdraw | Action::InformPersonComplainedAbout
            | Action::Decide | Action::Close => {}
        }
        @if reason_required || matches!(action, Action::StartFormalHandling | Action::Close) {
            (area("reden", if reason_required { "step-reason-required" } else { "step-reason" }, 2))
        }
    }
}

/// The page that asks to confirm an irreversible step: what will happen, the values given, and
/// the buttons to go on or go back.
pub fn confirm_markup(
    ctx: &Ctx,
    c: &Complaint,
    action: Action,
    fields: &[(String, String)],
) -> Markup {
    let lang = ctx.lang;
    let base = format!("/klachten/{}", c.id);
    html! {
        p { (t(lang, &format!("confirm-what-{}", action.code()))) }
        p { strong { (t(lang, "confirm-irreversible")) } }
        form method="post" action={ (base) "/stap" } {
            (csrf_field(ctx))
            @for (name, value) in fields.iter().filter(|(n, _)| n != "csrf" && n != "bevestigd") {
                input type="hidden" name=(name) value=(value);
            }
            input type="hidden" name="bevestigd" value="ja";
            button type="submit" { (t(lang, &format!("confirm-yes-{}", action.code()))) }
        }
        p { a.tap href=(base) { (t(lang, "confirm-back")) } }
    }
}

/// The norms as checkboxes, in their four groups.
pub fn norm_choices(lang: Lang, name: &str, legend: &str, chosen: &dyn Fn(&str) -> bool) -> Markup {
    html! {
        fieldset {
            legend { (t(lang, legend)) }
            @for (group, norm) in model::NORMS {
                div.choice {
                    input id={ (name) "-" (norm) } type="checkbox" name=(name) value=(norm) checked[chosen(norm)];
                    label for={ (name) "-" (norm) } { (t(lang, &format!("norm-group-{group}"))) ": " (t(lang, &format!("norm-{norm}"))) }
                }
            }
        }
    }
}

/// Kinds and judgements as radio buttons (none chosen unless stored or typed).
pub fn radios(
    prefix: &str,
    name: &str,
    options: &[(&str, String)],
    chosen: &dyn Fn(&str) -> bool,
) -> Markup {
    html! {
        @for (i, (value, text)) in options.iter().enumerate() {
            @let fid = if i == 0 { prefix.to_string() } else { format!("{prefix}-{value}") };
            span.choice { input id=(fid) type="radio" name=(name) value=(value) checked[chosen(value)]; label for=(fid) { (text) } }
        }
    }
}

/// The kinds, for the classification form.
pub fn kind_options(lang: Lang) -> Vec<(&'static str, String)> {
    Kind::ALL
        .iter()
        .map(|k| (k.code(), t(lang, &format!("kind-{k}"))))
        .collect()
}

/// The judgements, for the decision and the judging form.
pub fn judgement_options(lang: Lang) -> Vec<(&'static str, String)> {
    Judgement::ALL
        .iter()
        .map(|j| (j.code(), t(lang, &format!("judgement-{j}"))))
        .collect()
}

pub(super) use self::Values as FormValues;
