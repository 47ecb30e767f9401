"""The review page over HTTP: log-in, sessions, CSRF, roles, filters, annotations, audit."""

import re
from http.cookies import SimpleCookie

import httpx
import pytest
from review_server import PASSWORDS, ReviewServer, seed

from bot.review import accounts as accounts_module
from bot.review import queries


class Client:
    """An HTTP client that keeps cookies by hand: the page's cookies are Secure, and
    only browsers treat http://127.0.0.1 as a secure origin."""

    def __init__(self, url):
        self.http = httpx.Client(base_url=url, follow_redirects=False)
        self.cookies = {}

    def request(self, method, path, **kwargs):
        header = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = self.http.request(method, path, headers={"Cookie": header}, **kwargs)
        for line in response.headers.get_list("set-cookie"):
            for name, morsel in SimpleCookie(line).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data):
        return self.request("POST", path, data=data)

    def login(self, username, password=None):
        form = self.get("/login").text
        csrf = re.search(r'name="csrf" value="([^"]+)"', form)[1]
        return self.post("/login", {"csrf": csrf, "username": username,
                                    "password": password or PASSWORDS[username]})

    def csrf(self, page):
        return re.search(r'name="csrf" value="([^"]+)"', page)[1]


@pytest.fixture
def server(tmp_path):
    seed(tmp_path)
    # No data/nlu: every correction is new to the export.
    with ReviewServer(tmp_path, nlu_dir=tmp_path / "nlu") as running:
        yield running


@pytest.fixture
def client(server):
    return Client(server.url)


def labels(page):
    return re.findall(r'href="/c/([2-9A-Z]{4}-[2-9A-Z]{4})"', page)


@pytest.mark.parametrize("path", ["/", "/c/AAAA-BBBB", "/statistics", "/export", "/audit",
                                  "/export/en.yml"])
def test_no_page_without_log_in(client, path):
    response = client.get(path)
    assert response.status_code == 303 and response.headers["location"] == "/login"


def test_no_change_without_log_in(client):
    response = client.post("/c/AAAA-BBBB/annotate", {"turn": "1", "kind": "note", "note": "x"})
    assert response.status_code == 303 and response.headers["location"] == "/login"


def test_log_in_and_out(client):
    response = client.login("ana")
    assert response.status_code == 303 and "peerline_review" in client.cookies
    assert "peerline_login" not in client.cookies
    page = client.get("/").text
    assert len(labels(page)) == 3
    client.post("/logout", {"csrf": client.csrf(page)})
    assert client.get("/").status_code == 303


def test_a_wrong_password_is_refused(client):
    response = client.login("ana", "not the password at all")
    assert response.status_code == 401 and "Wrong user name or password" in response.text
    assert "peerline_review" not in client.cookies
    assert client.login("nobody", "whatever it may be").status_code == 401


def test_too_many_failures_lock_the_account_for_a_while(client, server):
    for _ in range(accounts_module.MAX_FAILURES):
        client.login("rui", "a wrong password here")
    assert client.login("rui").status_code == 401  # the right password, refused for now
    server.clock.skipped += accounts_module.FAILURE_WINDOW + 1
    assert client.login("rui").status_code == 303


def test_log_in_without_its_csrf_token_is_refused(client):
    client.get("/login")
    response = client.post("/login", {"username": "ana", "password": PASSWORDS["ana"]})
    assert response.status_code == 403 and "peerline_review" not in client.cookies


def test_forms_without_the_session_csrf_token_are_refused(client, server):
    client.login("ana")
    label = labels(client.get("/").text)[0]
    page = client.get(f"/c/{label}").text
    turn = re.search(r'name="turn" value="(\d+)"', page)[1]
    form = {"turn": turn, "kind": "note", "note": "checked"}
    assert client.post(f"/c/{label}/annotate", form).status_code == 403
    assert client.post(f"/c/{label}/annotate", form | {"csrf": "forged"}).status_code == 403
    assert client.post("/logout", {}).status_code == 403
    assert client.post(f"/c/{label}/annotate", form | {"csrf": client.csrf(page)}
                       ).status_code == 303
    assert "checked" in client.get(f"/c/{label}").text


def test_sessions_expire_when_idle_and_after_the_longest_day(client, server):
    client.login("rui")
    server.clock.skipped += accounts_module.IDLE_SECONDS + 1
    assert client.get("/").status_code == 303
    client.login("rui")
    for _ in range(accounts_module.MAX_SECONDS // accounts_module.IDLE_SECONDS + 1):
        server.clock.skipped += accounts_module.IDLE_SECONDS - 60
        response = client.get("/")
    assert response.status_code == 303


def test_reviewers_do_not_see_the_admin_pages(client):
    client.login("rui")
    for path in ("/statistics", "/export", "/audit", "/export/en.yml"):
        assert client.get(path).status_code == 403
    assert "/statistics" not in client.get("/").text


def test_filters(client):
    client.login("ana")

    def listed(query):
        return len(labels(client.get("/", params=query).text))

    assert listed({"language": "ro"}) == 1
    assert listed({"intent": "ask_health"}) == 1
    assert listed({"low_confidence": "1"}) == 1
    assert listed({"fallback": "1"}) == 1
    assert listed({"degraded": "1"}) == 1
    assert listed({"fallback": "1", "language": "de"}) == 0
    assert listed({"since": "2000-01-01", "until": "2000-01-02"}) == 0
    assert listed({"since": "2000-01-01"}) == 3
    assert listed({"language": "x' OR 1=1 --", "since": "tomorrow", "page": "-1"}) == 3


def test_shown_text_is_escaped_and_cannot_reorder_the_page(client):
    client.login("ana")
    label = labels(client.get("/", params={"fallback": "1"}).text)[0]
    page = client.get(f"/c/{label}").text
    assert "\u202e" not in page and "\u27e8U+202E\u27e9evil" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page


def test_every_page_is_private_and_scriptless(client):
    client.login("ana")
    for path in ("/", "/statistics", "/login"):
        headers = client.get(path).headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert headers["cache-control"] == "no-store"
        assert headers["x-frame-options"] == "DENY"


def test_annotations_are_checked(client):
    client.login("rui")
    label = labels(client.get("/", params={"language": "de"}).text)[0]
    page = client.get(f"/c/{label}").text
    turn, csrf = re.search(r'name="turn" value="(\d+)"', page)[1], client.csrf(page)

    def annotate(**form):
        return client.post(f"/c/{label}/annotate", {"csrf": csrf, "turn": turn} | form)

    assert annotate(kind="wrong_intent", intent="").status_code == 400
    assert annotate(kind="wrong_intent", intent="made_up").status_code == 400
    assert annotate(kind="note", note="   ").status_code == 400
    assert annotate(kind="delete", note="x").status_code == 400
    assert annotate(kind="note", note="x" * (queries.MAX_NOTE + 1)).status_code == 400
    assert annotate(kind="note", note="x", turn="99999").status_code == 400
    assert annotate(kind="wrong_intent", intent="ask_health").status_code == 303
    assert annotate(kind="missing_content").status_code == 303
    page = client.get(f"/c/{label}").text
    assert "should be <strong>ask_health</strong>" in page and "missing content" in page


def test_opening_a_conversation_is_audited(client):
    client.login("rui")
    label = labels(client.get("/").text)[0]
    client.get(f"/c/{label}")
    client.login("ana")
    audit = client.get("/audit").text
    assert re.search(rf"<td>rui</td><td>opened</td>\s*<td>{label}</td>", audit)


def test_statistics_show_counts_and_plots(client):
    client.login("ana")
    page = client.get("/statistics").text
    assert "4 messages in 3 conversations" in page
    assert page.count("<svg") >= 3 and "<rect" in page
    assert "(none: degraded)" in page


def test_admins_download_the_corrected_examples_per_language(client):
    client.login("ana")
    label = labels(client.get("/", params={"language": "de"}).text)[0]
    page = client.get(f"/c/{label}").text
    turn = re.search(r'name="turn" value="(\d+)"', page)[1]
    client.post(f"/c/{label}/annotate", {"csrf": client.csrf(page), "turn": turn,
                                         "kind": "wrong_intent", "intent": "ask_legal_status"})
    response = client.get("/export/de.yml")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="de.yml"'
    assert "- intent: ask_legal_status\n  examples: |\n    - wo kann ich mich testen lassen" \
        in response.text
    assert client.get("/export/en.yml").status_code == 404
