//! Identity providers for the single sign-on tests.
//!
//! [`MockProvider`] is a real OpenID Connect provider on this machine: `oidc-provider-mock` from
//! PyPI (see .ci/run), started per test on a free port. When it is not installed the test is
//! skipped loudly, and fails under `KLANKBORD_REQUIRE_ALL=1`. Python is found as
//! `$KLANKBORD_OIDC_PYTHON`, else `.venv-oidc/bin/python` in the repository, else `python3`.
//!
//! [`FakeProvider`] is a small provider of the test's own, for the tokens the mock never makes
//! (another issuer, another audience, expired, an unknown signing key, a replayed nonce, a slow
//! answer). It signs with test keys in tests/it/fixtures.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{pg, skip, Backend, TestApp};

/// A free port on the loopback address (the listener is closed again at once).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// An app whose public address is its real one (the provider sends the browser back to it),
/// with these extra settings.
pub fn spawn_app(backend: Backend, test: &str, extra: &[(&str, &str)]) -> Option<TestApp> {
    let dir = tempfile::tempdir().expect("tempdir");
    let database_url = match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.path().join("klankbord.db").display()),
        Backend::Postgres => match pg::new_database() {
            Ok(url) => url,
            Err(reason) => {
                skip(test, &reason);
                return None;
            }
        },
    };
    Some(spawn_on(backend, database_url, dir, extra))
}

/// As [`spawn_app`], on a given database.
pub fn spawn_on(
    backend: Backend,
    database_url: String,
    dir: tempfile::TempDir,
    extra: &[(&str, &str)],
) -> TestApp {
    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let public = format!("http://127.0.0.1:{port}");
    let mut all: Vec<(&str, &str)> = extra.to_vec();
    all.push(("KLANKBORD_BIND", &bind));
    all.push(("KLANKBORD_PUBLIC_URL", &public));
    TestApp::spawn_with(backend, database_url, dir, &all)
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .redirects(0)
        .timeout(Duration::from_secs(20))
        .build()
}

fn python() -> String {
    if let Ok(p) = std::env::var("KLANKBORD_OIDC_PYTHON") {
        return p;
    }
    let venv = concat!(env!("CARGO_MANIFEST_DIR"), "/.venv-oidc/bin/python");
    if std::path::Path::new(venv).exists() {
        return venv.to_string();
    }
    "python3".to_string()
}

/// `oidc-provider-mock` running on its own port; killed when dropped.
pub struct MockProvider {
    /// `http://127.0.0.1:port` — also its issuer.
    pub issuer: String,
    child: Child,
}

impl Drop for MockProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl MockProvider {
    /// Starts the provider, or reports the skip and returns `None` when it is not installed.
    pub fn start(test: &str) -> Option<MockProvider> {
        let py = python();
        let installed = Command::new(&py)
            .args(["-c", "import oidc_provider_mock"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !installed {
            skip(
                test,
                &format!(
                    "the OpenID Connect provider oidc-provider-mock is not installed for {py} (pip install oidc-provider-mock; see .ci/run)"
                ),
            );
            return None;
        }
        let port = free_port();
        let child = Command::new(&py)
            .args([
                "-m",
                "oidc_provider_mock",
                "--host",
                "127.0.0.1",
                "--port",
                &port.to_string(),
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start oidc-provider-mock");
        let mock = MockProvider {
            issuer: format!("http://127.0.0.1:{port}"),
            child,
        };
        let discovery = format!("{}/.well-known/openid-configuration", mock.issuer);
        for _ in 0..300 {
            if agent().get(&discovery).call().is_ok() {
                return Some(mock);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("oidc-provider-mock did not start on port {port}");
    }

    /// Sets the claims of a person at the provider (`groups`, `name`, ...).
    pub fn set_user(&self, sub: &str, claims: serde_json::Value) {
        let r = agent()
            .put(&format!("{}/users/{sub}", self.issuer))
            .send_json(claims)
            .expect("set user at the provider");
        assert_eq!(r.status(), 204);
    }

    /// The person `sub` logs in at the provider's page that `authorize_url` opens; returns where
    /// the provider sends the browser back (klankbord's return address with code and state).
    pub fn log_in(&self, authorize_url: &str, sub: &str) -> String {
        assert!(
            authorize_url.starts_with(&self.issuer),
            "not sent to the provider: {authorize_url}"
        );
        let page = agent()
            .get(authorize_url)
            .call()
            .expect("provider login page");
        assert_eq!(page.status(), 200);
        let r = match agent().post(authorize_url).send_form(&[("sub", sub)]) {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("provider login: {e}"),
        };
        assert_eq!(r.status(), 302, "provider did not send the browser back");
        r.header("location").expect("location").to_string()
    }
}

/// The path and query of a URL on `base`.
pub fn path_on(base: &str, url: &str) -> String {
    url.strip_prefix(base)
        .unwrap_or_else(|| panic!("{url} is not on {base}"))
        .to_string()
}

/// A query parameter of a URL.
pub fn query_param(url: &str, name: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    parsed
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// What [`FakeProvider`]'s token endpoint answers.
#[derive(Debug, Clone)]
pub enum FakeToken {
    /// A right token for this client, nonce and issuer.
    Good,
    /// `iss` is another provider.
    OtherIssuer,
    /// `aud` is another client.
    OtherAudience,
    /// Expired an hour ago.
    Expired,
    /// Signed with a key the provider does not publish.
    UnknownKey,
    /// This exact ID token (from an earlier login: a replay).
    Exact(String),
    /// Answers only after this many seconds.
    Slow(u64),
}

/// State shared between the test and its provider thread.
#[derive(Default)]
struct FakeState {
    mode: Option<FakeToken>,
    nonce: String,
    last_token: String,
}

/// A provider of the test's own (see the module comment). Stops when dropped.
pub struct FakeProvider {
    /// `http://127.0.0.1:port` — also its issuer.
    pub issuer: String,
    state: Arc<Mutex<FakeState>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for FakeProvider {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect(self.issuer.trim_start_matches("http://"));
    }
}

const CLIENT_ID: &str = "klankbord-test";

fn key(name: &str, kid: &str) -> openidconnect::core::CoreRsaPrivateSigningKey {
    let path = format!("{}/tests/it/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let pem = std::fs::read_to_string(&path).expect("test key");
    openidconnect::core::CoreRsaPrivateSigningKey::from_pem(
        &pem,
        Some(openidconnect::JsonWebKeyId::new(kid.to_string())),
    )
    .expect("pem")
}

impl FakeProvider {
    /// The client id klankbord must be configured with for this provider.
    pub const CLIENT_ID: &'static str = CLIENT_ID;

    /// Starts the provider on a free port.
    pub fn start() -> FakeProvider {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let issuer = format!("http://127.0.0.1:{port}");
        let state = Arc::new(Mutex::new(FakeState::default()));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (st, sp, iss) = (state.clone(), stop.clone(), issuer.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if sp.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (st, iss) = (st.clone(), iss.clone());
                std::thread::spawn(move || serve(stream, &st, &iss));
            }
        });
        FakeProvider {
            issuer,
            state,
            stop,
        }
    }

    /// Chooses what the next token request gets, for the flow whose authorization URL is given
    /// (its nonce goes into the token unless the mode says otherwise).
    pub fn answer(&self, authorize_url: &str, mode: FakeToken) {
        let mut s = self.state.lock().expect("lock");
        s.nonce = query_param(authorize_url, "nonce").expect("nonce in the authorization request");
        s.mode = Some(mode);
    }

    /// The ID token handed out last.
    pub fn last_token(&self) -> String {
        self.state.lock().expect("lock").last_token.clone()
    }
}

fn id_token(issuer: &str, mode: &FakeToken, nonce: &str) -> String {
    use openidconnect::core::{CoreIdToken, CoreIdTokenClaims, CoreJwsSigningAlgorithm};
    use openidconnect::{
        Audience, EmptyAdditionalClaims, IssuerUrl, Nonce, StandardClaims, SubjectIdentifier,
    };
    if let FakeToken::Exact(t) = mode {
        return t.clone();
    }
    let now = chrono::Utc::now();
    let iss = match mode {
        FakeToken::OtherIssuer => "http://127.0.0.1:1/another-provider".to_string(),
        _ => issuer.to_string(),
    };
    let aud = match mode {
        FakeToken::OtherAudience => "another-client",
        _ => CLIENT_ID,
    };
    let (issued, expires) = match mode {
        FakeToken::Expired => (
            now - chrono::Duration::hours(2),
            now - chrono::Duration::hours(1),
        ),
        _ => (now, now + chrono::Duration::minutes(5)),
    };
    let claims = CoreIdTokenClaims::new(
        IssuerUrl::new(iss).expect("issuer"),
        vec![Audience::new(aud.to_string())],
        expires,
        issued,
        StandardClaims::new(SubjectIdentifier::new("fake-person-1".to_string())),
        EmptyAdditionalClaims {},
    )
    .set_nonce(Some(Nonce::new(nonce.to_string())));
    let signer = match mode {
        FakeToken::UnknownKey => key("oidc-test-key-b.pem", "key-b"),
        _ => key("oidc-test-key-a.pem", "key-a"),
    };
    CoreIdToken::new(
        claims,
        &signer,
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        None,
        None,
    )
    .expect("sign")
    .to_string()
}

fn serve(mut stream: TcpStream, state: &Mutex<FakeState>, issuer: &str) {
    use openidconnect::PrivateSigningKey;
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() || line.is_empty() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut length = 0usize;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0u8; length];
    let _ = reader.read_exact(&mut body);
    let json = if path.starts_with("/.well-known/openid-configuration") {
        serde_json::json!({
            "issuer": issuer,
            "authorization_endpoint": format!("{issuer}/authorize"),
            "token_endpoint": format!("{issuer}/token"),
            "jwks_uri": format!("{issuer}/jwks"),
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
        })
    } else if path.starts_with("/jwks") {
        let public = key("oidc-test-key-a.pem", "key-a").as_verification_key();
        serde_json::json!({ "keys": [public] })
    } else if path.starts_with("/token") {
        let (mode, nonce) = {
            let s = state.lock().expect("lock");
            (s.mode.clone().unwrap_or(FakeToken::Good), s.nonce.clone())
        };
        if let FakeToken::Slow(seconds) = mode {
            std::thread::sleep(Duration::from_secs(seconds));
        }
        let token = id_token(issuer, &mode, &nonce);
        state.lock().expect("lock").last_token = token.clone();
        serde_json::json!({
            "access_token": "fake-access-token",
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": token,
        })
    } else {
        let _ = stream
            .write_all(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
        return;
    };
    let text = json.to_string();
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{}",
        text.len(),
        text
    );
}
