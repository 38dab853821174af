//! A small WebDriver client for headless Chromium through chromedriver, plus axe-core injection.
//! Written against the W3C WebDriver protocol directly (a handful of JSON calls), so the browser
//! tests need no async runtime and no crate that downloads its own browser.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Key codes from the WebDriver spec.
pub const TAB: &str = "\u{E004}";
/// Enter key.
pub const ENTER: &str = "\u{E007}";

/// A headless Chromium session.
pub struct Browser {
    driver: Child,
    endpoint: String,
    session: String,
    _profile: tempfile::TempDir,
}

fn find(candidates: &[&str]) -> Option<PathBuf> {
    for c in candidates {
        let p = PathBuf::from(c);
        if p.exists() {
            return Some(p);
        }
    }
    None
}

/// Where axe-core's script is: `KLANKBORD_AXE_JS`, or `node_modules/axe-core/axe.min.js` in the repository.
pub fn axe_source() -> Result<String, String> {
    let path = std::env::var("KLANKBORD_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).map_err(|_| {
        format!(
            "axe-core not found at {} (run `npm install --no-save axe-core@4`)",
            path.display()
        )
    })
}

impl Browser {
    /// Starts chromedriver and a headless Chromium, or says why it cannot.
    pub fn start() -> Result<Browser, String> {
        let chromium = find(&[
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
        ])
        .ok_or("Chromium not installed (Debian: apt install chromium chromium-driver)")?;
        let driver_bin = find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])
            .ok_or("chromedriver not installed (Debian: apt install chromium-driver)")?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let driver = Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("chromedriver: {e}"))?;
        let endpoint = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        loop {
            let ready = ureq::get(&format!("{endpoint}/status"))
                .call()
                .ok()
                .and_then(|r| r.into_json::<Value>().ok())
                .is_some_and(|v| v["value"]["ready"] == json!(true));
            if ready {
                break;
            }
            if started.elapsed() > Duration::from_secs(20) {
                return Err("chromedriver did not become ready".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                         "--disable-dev-shm-usage", "--window-size=1280,900",
                         format!("--user-data-dir={}", profile.path().display())]
            }
        }}});
        let mut b = Browser {
            driver,
            endpoint,
            session: String::new(),
            _profile: profile,
        };
        let v = b.call("POST", "/session", Some(caps))?;
        b.session = v["sessionId"].as_str().ok_or("no session id")?.to_string();
        b.cmd(
            "POST",
            "/timeouts",
            Some(json!({"script": 60000, "pageLoad": 30000})),
        )?;
        Ok(b)
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let url = format!("{}{path}", self.endpoint);
        let req = ureq::request(method, &url).timeout(Duration::from_secs(90));
        let result = match body {
            Some(b) => req.send_json(b),
            None => req.call(),
        };
        let resp = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => return Err(e.to_string()),
        };
        let v: Value = resp.into_json().map_err(|e| e.to_string())?;
        if v["value"]["error"].is_string() {
            return Err(format!("webdriver: {}", v["value"]));
        }
        Ok(v["value"].clone())
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    /// Sets the size of the window (in headless Chromium: the viewport), e.g. a phone's 390 px.
    pub fn window_size(&self, width: u32, height: u32) {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        )
        .expect("window size");
    }

    /// Opens a URL and waits for it to load.
    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({"url": url})))
            .expect("navigate");
    }

    /// The current URL.
    pub fn url(&self) -> String {
        self.cmd("GET", "/url", None)
            .expect("url")
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Runs a script and returns its value.
    pub fn exec(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
        .expect("script")
    }

    /// Runs an async script (last argument is the callback).
    pub fn exec_async(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": []})),
        )
        .expect("async script")
    }

    /// Presses keys one after another through the keyboard (no element is targeted).
    pub fn keys(&self, text: &str) {
        let mut actions = vec![];
        for ch in text.chars() {
            actions.push(json!({"type": "keyDown", "value": ch.to_string()}));
            actions.push(json!({"type": "keyUp", "value": ch.to_string()}));
        }
        self.cmd(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        )
        .expect("keys");
        let _ = self.cmd("DELETE", "/actions", None);
    }

    /// A description of the focused element: tag, id, name, text.
    pub fn focused(&self) -> Value {
        self.exec(
            "var e = document.activeElement; var s = getComputedStyle(e); \
             return {tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute('name') || '', \
                     type: e.getAttribute('type') || '', value: e.getAttribute('value') || '', \
                     text: (e.innerText || e.value || '').trim().slice(0, 80), href: e.getAttribute('href') || '', \
                     outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow};",
        )
    }

    /// Injects axe-core and returns the WCAG 2.1 A/AA violations as `id: targets` lines.
    pub fn axe_violations(&self, axe: &str) -> Vec<String> {
        self.exec(axe);
        let v = self.exec_async(
            "var done = arguments[arguments.length - 1]; \
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}) \
               .then(function (r) { done(r.violations.map(function (v) { \
                   return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); }) \
               .catch(function (e) { done(['axe failed: ' + e]); });",
        );
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|x| x.as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_else(|| vec![format!("unexpected axe result: {v}")])
    }

    /// Waits until the current URL's path (with query) satisfies `pred`; panics with the page text otherwise.
    pub fn wait_for_path(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let url = self.url();
            let path = url
                .splitn(4, '/')
                .nth(3)
                .map(|p| format!("/{p}"))
                .unwrap_or_default();
            if pred(&path) {
                return path;
            }
            if Instant::now() > deadline {
                panic!(
                    "waited for {what}; at {url}: {}",
                    self.exec("return document.querySelector('main') ? document.querySelector('main').innerText : '';")
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Presses Tab until the focused element satisfies `pred` (at most `max` times); returns it.
    pub fn tab_until(&self, what: &str, max: usize, pred: impl Fn(&Value) -> bool) -> Value {
        let mut seen = vec![];
        for _ in 0..max {
            self.keys(TAB);
            let f = self.focused();
            if pred(&f) {
                return f;
            }
            seen.push(format!(
                "{}#{}[{}={}]",
                f["tag"], f["id"], f["name"], f["value"]
            ));
        }
        panic!("Tab never reached {what}; focus went: {}", seen.join(" > "));
    }

    /// Downloads what the GET form matching `css` gives for the values now in its fields, as its
    /// submit button would (in the page, with the page's session); returns the content type and
    /// the bytes. (A download does not show in the browser window, so it is fetched instead.)
    pub fn download_form(&self, css: &str) -> (String, Vec<u8>) {
        use base64::Engine;
        let script = format!(
            "var done = arguments[arguments.length - 1]; \
             var f = document.querySelector({}); \
             if (!f) {{ done(['', 'no form']); return; }} \
             var url = f.action + '?' + new URLSearchParams(new FormData(f)).toString(); \
             fetch(url, {{credentials: 'same-origin'}}).then(function (r) {{ \
                 return r.arrayBuffer().then(function (buf) {{ \
                     var b = new Uint8Array(buf), s = ''; \
                     for (var i = 0; i < b.length; i++) {{ s += String.fromCharCode(b[i]); }} \
                     done([r.headers.get('content-type') || '', btoa(s)]); }}); \
             }}).catch(function (e) {{ done(['', 'failed: ' + e]); }});",
            json!(css)
        );
        let v = self.exec_async(&script);
        let kind = v[0].as_str().unwrap_or("").to_string();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(v[1].as_str().unwrap_or(""))
            .unwrap_or_else(|_| panic!("the download of {css}: {v}"));
        (kind, bytes)
    }

    /// A reference to the first element matching a CSS selector.
    pub fn element(&self, css: &str) -> Option<String> {
        self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        )
        .ok()
        .and_then(|v| v[ELEMENT_KEY].as_str().map(str::to_string))
    }
}

impl Browser {
    /// Clicks the first element matching a CSS selector, as a mouse would.
    pub fn click(&self, css: &str) {
        let id = self
            .element(css)
            .unwrap_or_else(|| panic!("no element {css} at {}", self.url()));
        self.cmd("POST", &format!("/element/{id}/click"), Some(json!({})))
            .expect("click");
    }

    /// Chooses a file in a file input (WebDriver types the file's path into it).
    pub fn choose_file(&self, css: &str, path: &std::path::Path) {
        let id = self
            .element(css)
            .unwrap_or_else(|| panic!("no element {css} at {}", self.url()));
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({"text": path.display().to_string()})),
        )
        .expect("choose file");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
