//! Table definitions shared by both backends; only portable column types are used.

diesel::table! {
    /// Installation-wide settings (generated secrets and the like).
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    /// Staff accounts. Residents never have an account.
    users (id) {
        id -> BigInt,
        username -> Text,
        display_name -> Text,
        password_hash -> Text,
        disabled -> Bool,
        created_at -> Timestamp,
        password_changed_at -> Timestamp,
        email -> Nullable<Text>,
    }
}

diesel::table! {
    /// Roles held by a staff account (a person may hold several).
    user_roles (user_id, role) {
        user_id -> BigInt,
        role -> Text,
    }
}

diesel::table! {
    /// Staff sessions; only a hash of the cookie value is stored.
    sessions (token_hash) {
        token_hash -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    /// Fixed-window counters for rate limiting, shared by every instance.
    rate_limits (bucket, window_start) {
        bucket -> Text,
        window_start -> Timestamp,
        hits -> Integer,
    }
}

diesel::table! {
    /// Failed logins per login name and client address (a keyed hash of both), for growing waits.
    login_failures (bucket) {
        bucket -> Text,
        failures -> Integer,
        last_failure -> Timestamp,
    }
}

diesel::table! {
    /// Append-only record of staff actions; never holds personal data itself.
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<BigInt>,
        via -> Text,
        action -> Text,
        record_type -> Text,
        record_id -> Nullable<Text>,
        detail -> Nullable<Text>,
    }
}

diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(audit_log -> users (actor_id));

/// Every table, for the test that loads each one on both backends.
pub const ALL_TABLES: &[&str] = &[
    "settings",
    "users",
    "user_roles",
    "sessions",
    "rate_limits",
    "login_failures",
    "audit_log",
    "mail_outbox",
    "questionnaire_versions",
    "waves",
    "invitations",
    "responses",
    "drafts",
    "invitation_addresses",
    "interview_volunteers",
    "interview_offers",
    "paper_forms",
    "paper_quarantine",
    "paper_reports",
    "paper_layouts",
    "paper_prints",
    "paper_scan_pending",
    "paper_scan_images",
    "complaint_categories",
    "complaints",
    "complaint_progress",
    "complaint_events",
    "complaint_category_links",
    "complaint_elements",
    "complaint_hearings",
    "complaint_followups",
    "complaint_attachments",
    "complaint_letters",
    "complaint_reminders",
    "complaint_decisions",
    "quotes",
    "codebook",
    "coded_texts",
    "text_codes",
    "complaint_letter_batches",
    "letterhead_logos",
];

diesel::table! {
    /// Outgoing mail waiting to be sent, being sent, sent (address and body erased) or failed.
    mail_outbox (id) {
        id -> BigInt,
        message_id -> Text,
        kind -> Text,
        about_type -> Nullable<Text>,
        about_id -> Nullable<Text>,
        to_address -> Nullable<Text>,
        subject -> Text,
        body_text -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_by -> Nullable<Text>,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        attachment_name -> Nullable<Text>,
        attachment -> Nullable<Binary>,
    }
}

diesel::table! {
    /// Every distinct text of a questionnaire that was ever used; a wave pins one.
    questionnaire_versions (id) {
        id -> BigInt,
        questionnaire_key -> Text,
        version -> Integer,
        revision -> Integer,
        content_hash -> Text,
        definition -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// A survey round: questionnaire version, period, population and channels.
    waves (id) {
        id -> BigInt,
        name -> Text,
        version_id -> BigInt,
        opens_on -> Date,
        closes_on -> Date,
        population -> Integer,
        channels -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        reminders_sent -> Integer,
        closed_cleanup -> Bool,
    }
}

diesel::table! {
    /// Single-use invitation codes, stored only as hashes.
    invitations (id) {
        id -> BigInt,
        wave_id -> BigInt,
        code_hash -> Text,
        used -> Bool,
    }
}

diesel::table! {
    /// One sent answer set. No column refers to an invitation, code, address or person, and the
    /// number is random (see `surveys::anonymity`), so no order says when it came in.
    responses (id) {
        id -> BigInt,
        wave_id -> BigInt,
        version_id -> BigInt,
        channel -> Text,
        helper -> Nullable<Text>,
        language -> Text,
        answered_on -> Date,
        answers -> Text,
    }
}

diesel::table! {
    /// Answers saved before sending, per invitation; deleted when the answers are sent.
    drafts (invitation_id) {
        invitation_id -> BigInt,
        answers -> Text,
        step -> Integer,
        updated_on -> Date,
    }
}

diesel::table! {
    /// E-mail addresses supplied for invitations; gone when the code is used or the wave closes.
    invitation_addresses (invitation_id) {
        invitation_id -> BigInt,
        email -> Text,
        code -> Text,
        language -> Text,
        reminders_sent -> Integer,
    }
}

diesel::table! {
    /// People who offered a follow-up interview; no link to answers, and no date.
    interview_volunteers (id) {
        id -> BigInt,
        wave_id -> BigInt,
        name -> Text,
        contact -> Text,
        language -> Text,
        best_time -> Text,
    }
}

diesel::table! {
    /// Single-use interview offers, made when a web answer set is stored: the hash of the token in
    /// the respondent's cookie and the wave, never the answer set.
    interview_offers (token_hash) {
        token_hash -> Text,
        wave_id -> BigInt,
        valid_until -> Date,
        used -> Bool,
    }
}

diesel::table! {
    paper_forms (wave_id, form_id) {
        wave_id -> BigInt,
        form_id -> Text,
    }
}

diesel::table! {
    paper_quarantine (id) {
        id -> BigInt,
        wave_id -> BigInt,
        form_id -> Text,
        line -> BigInt,
        sheet -> Text,
        problems -> Text,
        created_on -> Date,
    }
}

diesel::table! {
    /// paper: the geometry of a printed form per questionnaire text and language (JSON).
    paper_layouts (id) {
        id -> BigInt,
        version_id -> BigInt,
        lang -> Text,
        digest -> Text,
        layout -> Text,
        created_on -> Date,
    }
}

diesel::table! {
    /// paper: every run of printed forms of a wave: its numbers, language and layout.
    paper_prints (id) {
        id -> BigInt,
        wave_id -> BigInt,
        first_number -> BigInt,
        last_number -> BigInt,
        lang -> Text,
        layout_id -> BigInt,
        printed_on -> Date,
    }
}

diesel::table! {
    /// paper: scanned sheets waiting for a clerk (the read as JSON).
    paper_scan_pending (id) {
        id -> BigInt,
        wave_id -> BigInt,
        form_id -> Text,
        sheet -> Text,
        created_on -> Date,
    }
}

diesel::table! {
    /// paper: the whole scan of a waiting page without a readable QR code (PNG).
    paper_scan_images (pending_id) {
        pending_id -> BigInt,
        page_png -> Binary,
    }
}

diesel::table! {
    paper_reports (id) {
        id -> BigInt,
        wave_id -> BigInt,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        file_name -> Text,
        summary -> Text,
        report -> Text,
    }
}

diesel::table! {
    /// Conduct categories for complaints (editable).
    complaint_categories (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        active -> Bool,
        position -> Integer,
    }
}

diesel::table! {
    /// A complaint (or an anonymous signal) and what is known about its handling.
    complaints (id) {
        id -> BigInt,
        tracking_hash -> Text,
        received_on -> Date,
        channel -> Text,
        via_person -> Nullable<Text>,
        via_email -> Nullable<Text>,
        kind -> Text,
        state -> Text,
        language -> Text,
        anonymous -> Bool,
        name -> Nullable<Text>,
        address -> Nullable<Text>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        description -> Text,
        wish -> Nullable<Text>,
        about_decision -> Bool,
        team -> Nullable<Text>,
        person_complained -> Nullable<Text>,
        norms -> Text,
        committee -> Bool,
        handler_id -> Nullable<BigInt>,
        decline_ground -> Nullable<Text>,
        deadline_on -> Date,
        anonymised_on -> Nullable<Date>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// How the handling of a complaint went (one row per complaint).
    complaint_progress (complaint_id) {
        complaint_id -> BigInt,
        referred_on -> Nullable<Date>,
        mediation_target -> Nullable<Date>,
        mediation_contact_on -> Nullable<Date>,
        mediation_feedback -> Nullable<Text>,
        complainant_satisfied -> Nullable<Bool>,
        file_consent_on -> Nullable<Date>,
        file_consent_how -> Nullable<Text>,
        person_informed_on -> Nullable<Date>,
        postponement_weeks -> Integer,
        postponement_notice_on -> Nullable<Date>,
        consented_until -> Nullable<Date>,
        advice -> Nullable<Text>,
        advice_on -> Nullable<Date>,
        decided_on -> Nullable<Date>,
        closed_on -> Nullable<Date>,
        ombudsman -> Nullable<Text>,
        ombudsman_on -> Nullable<Date>,
        ombudsman_outcome -> Nullable<Text>,
        council_feedback_on -> Nullable<Date>,
    }
}

diesel::table! {
    /// Every step taken on a complaint: who, when, why.
    complaint_events (id) {
        id -> BigInt,
        complaint_id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<BigInt>,
        action -> Text,
        from_state -> Text,
        to_state -> Text,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    /// Categories of a complaint.
    complaint_category_links (complaint_id, category_id) {
        complaint_id -> BigInt,
        category_id -> BigInt,
    }
}

diesel::table! {
    /// A part of a complaint with its own judgement.
    complaint_elements (id) {
        id -> BigInt,
        complaint_id -> BigInt,
        position -> Integer,
        description -> Text,
        judgement -> Nullable<Text>,
        norms -> Text,
        conclusion -> Nullable<Text>,
        findings -> Nullable<Text>,
        reasoning -> Nullable<Text>,
    }
}

diesel::table! {
    /// The reasoned decision on a complaint (Awb 9:12): conclusions and measures for the whole, the
    /// outcome letter as edited, and the letter exactly as it was sent.
    complaint_decisions (complaint_id) {
        complaint_id -> BigInt,
        conclusions -> Nullable<Text>,
        measures -> Nullable<Text>,
        letter_subject -> Nullable<Text>,
        letter_body -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        sent_by -> Nullable<BigInt>,
        sent_to -> Nullable<Text>,
        sent_subject -> Nullable<Text>,
        sent_body -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The hearing of a complaint.
    complaint_hearings (id) {
        id -> BigInt,
        complaint_id -> BigInt,
        planned_at -> Timestamp,
        mode -> Text,
        place -> Text,
        invitees -> Text,
        invitations_sent_on -> Nullable<Date>,
        held -> Bool,
        attendance -> Nullable<Text>,
        minutes -> Nullable<Text>,
        skipped_ground -> Nullable<Text>,
    }
}

diesel::table! {
    /// What the municipality does with a complaint's outcome.
    complaint_followups (id) {
        id -> BigInt,
        complaint_id -> BigInt,
        description -> Text,
        owner -> Text,
        due_on -> Date,
        done_on -> Nullable<Date>,
    }
}

diesel::table! {
    /// Files sent with a complaint.
    complaint_attachments (id) {
        id -> BigInt,
        complaint_id -> BigInt,
        file_name -> Text,
        content_type -> Text,
        size -> BigInt,
        data -> Binary,
    }
}

diesel::table! {
    /// Letters to print and post (for people without e-mail).
    complaint_letters (id) {
        id -> BigInt,
        complaint_id -> BigInt,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        created_at -> Timestamp,
        printed_on -> Nullable<Date>,
        addressee -> Text,
        channel -> Text,
        facts -> Nullable<Text>,
        batch_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    /// Letters printed as one PDF and marked as sent together.
    complaint_letter_batches (id) {
        id -> BigInt,
        created_at -> Timestamp,
        created_by -> BigInt,
        letters -> Integer,
        sent_on -> Nullable<Date>,
        sent_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    /// Logos for the letterhead; the newest is used.
    letterhead_logos (id) {
        id -> BigInt,
        content_type -> Text,
        data -> Binary,
        uploaded_at -> Timestamp,
        uploaded_by -> BigInt,
    }
}

diesel::table! {
    /// Reminders sent (each once).
    complaint_reminders (complaint_id, kind, due_on, level) {
        complaint_id -> BigInt,
        kind -> Text,
        due_on -> Date,
        level -> Text,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    /// Candidate and approved quotes from open answers (no link to the answer set).
    quotes (id) {
        id -> BigInt,
        wave_id -> BigInt,
        item_key -> Text,
        text -> Text,
        status -> Text,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(quotes -> waves (wave_id));
diesel::joinable!(paper_scan_images -> paper_scan_pending (pending_id));
diesel::joinable!(paper_prints -> waves (wave_id));

diesel::table! {
    /// The codebook: themes (with the words that suggest them) and behoorlijkheidsnormen.
    codebook (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        kind -> Text,
        cues -> Text,
        active -> Bool,
        position -> Integer,
    }
}

diesel::table! {
    /// A coded text: a survey answer known by wave, item and the hash of its wording (never by
    /// answer set), or a complaint description.
    coded_texts (id) {
        id -> BigInt,
        text_key -> Text,
        source -> Text,
        wave_id -> Nullable<BigInt>,
        item_key -> Nullable<Text>,
        complaint_id -> Nullable<BigInt>,
        times -> Integer,
        coded_by -> Nullable<BigInt>,
        coded_on -> Date,
    }
}

diesel::table! {
    /// The codes of a coded text: chosen by the researcher, suggested by the program, or both.
    text_codes (coded_text_id, code) {
        coded_text_id -> BigInt,
        code -> Text,
        chosen -> Bool,
        suggested -> Bool,
        decision -> Text,
        suggested_by -> Text,
    }
}

diesel::joinable!(text_codes -> coded_texts (coded_text_id));
diesel::joinable!(coded_texts -> complaints (complaint_id));
diesel::joinable!(complaints -> users (handler_id));
diesel::joinable!(complaint_progress -> complaints (complaint_id));
diesel::joinable!(complaint_events -> complaints (complaint_id));
diesel::joinable!(complaint_events -> users (actor_id));
diesel::joinable!(complaint_category_links -> complaints (complaint_id));
diesel::joinable!(complaint_category_links -> complaint_categories (category_id));
diesel::joinable!(complaint_elements -> complaints (complaint_id));
diesel::joinable!(complaint_hearings -> complaints (complaint_id));
diesel::joinable!(complaint_followups -> complaints (complaint_id));
diesel::joinable!(complaint_attachments -> complaints (complaint_id));
diesel::joinable!(complaint_letters -> complaints (complaint_id));
diesel::joinable!(complaint_reminders -> complaints (complaint_id));
diesel::joinable!(complaint_letters -> complaint_letter_batches (batch_id));
diesel::joinable!(complaint_decisions -> complaints (complaint_id));

diesel::joinable!(waves -> questionnaire_versions (version_id));
diesel::joinable!(paper_reports -> waves (wave_id));
diesel::joinable!(paper_forms -> waves (wave_id));
diesel::joinable!(paper_quarantine -> waves (wave_id));
diesel::joinable!(responses -> waves (wave_id));
diesel::joinable!(drafts -> invitations (invitation_id));
diesel::joinable!(invitation_addresses -> invitations (invitation_id));
diesel::joinable!(interview_volunteers -> waves (wave_id));
diesel::joinable!(interview_offers -> waves (wave_id));
diesel::joinable!(invitations -> waves (wave_id));

diesel::allow_tables_to_appear_in_same_query!(
    codebook,
    coded_texts,
    text_codes,
    settings,
    users,
    user_roles,
    sessions,
    rate_limits,
    audit_log,
    mail_outbox,
    questionnaire_versions,
    waves,
    invitations,
    responses,
    drafts,
    invitation_addresses,
    interview_volunteers,
    interview_offers,
    paper_forms,
    paper_quarantine,
    paper_reports,
    complaint_categories,
    complaints,
    complaint_progress,
    complaint_events,
    complaint_category_links,
    complaint_elements,
    complaint_hearings,
    complaint_followups,
    complaint_attachments,
    complaint_letters,
    complaint_reminders,
    quotes,
    complaint_letter_batches,
    letterhead_logos,
    complaint_decisions
);

// sso: single sign-on and two-factor codes (migration 2026-12-06-191800_sso_totp).

diesel::table! {
    /// Sign-ins begun at the identity provider, until the browser comes back (any instance).
    oidc_flows (state_hash) {
        state_hash -> Text,
        browser_hash -> Text,
        nonce -> Text,
        pkce_verifier -> Text,
        return_to -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// The person at the identity provider behind an account.
    user_identities (issuer, subject) {
        issuer -> Text,
        subject -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        last_login_at -> Timestamp,
    }
}

diesel::table! {
    /// ID token of a session begun through the provider (for logout at the provider).
    sso_sessions (token_hash) {
        token_hash -> Text,
        id_token -> Text,
    }
}

diesel::table! {
    /// TOTP secrets of password accounts.
    totp_secrets (user_id) {
        user_id -> BigInt,
        secret -> Text,
        confirmed_at -> Nullable<Timestamp>,
        last_step -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Single-use recovery codes, hashed.
    recovery_codes (id) {
        id -> BigInt,
        user_id -> BigInt,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Right passwords waiting for their second factor.
    login_challenges (token_hash) {
        token_hash -> Text,
        user_id -> BigInt,
        return_to -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(user_identities -> users (user_id));
diesel::joinable!(login_challenges -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(users, user_identities, login_challenges);
diesel::allow_tables_to_appear_in_same_query!(paper_scan_images, paper_scan_pending);
