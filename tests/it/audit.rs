//! The audit log: staff actions on personal data, append-only, without personal data, exportable.

use diesel::connection::SimpleConnection;
use klankbord::accounts::model::Role;

use crate::both_backends;

both_backends!(staff_actions_are_audited_without_personal_data, |app| {
    let (admin, admin_id) = app.logged_in("audit.beheer", &[Role::Beheerder]);
    let (_, _, target) = app.user("audit.doel", &[Role::Raadslid]);
    let page = format!("/beheer/gebruikers/{target}");
    admin.submit(
        &page,
        &format!("{page}/status"),
        &[("actie", "uitschakelen")],
    );
    admin.submit(
        &page,
        &format!("{page}/rollen"),
        &[("rol", "raadslid"), ("rol", "onderzoeker")],
    );
    let r = admin.get("/beheer/audit");
    assert_eq!(r.status, 200);
    let actions = r.texts("td code");
    assert!(
        actions.contains(&"user.disabled".to_string()),
        "{actions:?}"
    );
    assert!(actions.contains(&"user.roles_set".to_string()));
    assert!(actions.contains(&"user.login".to_string()));
    let csv = admin.get("/beheer/audit.csv");
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv
        .header("content-disposition")
        .unwrap()
        .contains("attachment"));
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let disabled = rows
        .iter()
        .find(|r| &r[5] == "user.disabled")
        .expect("disabled row");
    assert_eq!(&disabled[2], admin_id.to_string());
    assert_eq!(&disabled[7], target.to_string());
    // Display names (personal data) never appear in the log, only account numbers and codes.
    assert!(!csv.body.contains("Test audit.doel"), "{}", csv.body);
    // The export itself is logged.
    assert!(admin
        .get("/beheer/audit")
        .texts("td code")
        .contains(&"audit.exported".to_string()));
});

both_backends!(audit_log_is_append_only_in_the_database, |app| {
    app.user("a.append", &[Role::Raadslid]);
    let mut conn = app.conn();
    assert!(conn
        .batch_execute("UPDATE audit_log SET action = 'x'")
        .is_err());
    assert!(conn.batch_execute("DELETE FROM audit_log").is_err());
    assert!(app.count("audit_log") >= 1);
});
