"""The review page (aiohttp): log-in, conversations, annotations, statistics, export.

Every page but the log-in form needs a live session; every form that changes
something carries the session's CSRF token (the log-in form a token of its
own, doubled in a cookie). Pages are rendered by Jinja with autoescaping, and
every string passes bot.review.text.neutralise first. The strict Content
Security Policy allows no script at all and nothing from another origin.
"""

from __future__ import annotations

import hmac
import re
import secrets
from pathlib import Path

import jinja2
from aiohttp import web
from sqlite_utils import Database

from bot.logbook import connect
from bot.review import charts, export, queries
from bot.review.accounts import Accounts, Session
from bot.review.text import finalize

HERE = Path(__file__).parent
SESSION_COOKIE = "peerline_review"
LOGIN_COOKIE = "peerline_login"
LABEL = re.compile(r"[2-9A-Z]{4}-[2-9A-Z]{4}")
TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)
PUBLIC = ("/login", "/static/")
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    # Nothing of a conversation may stay in the cache of a shared computer.
    "Cache-Control": "no-store",
}
# Secure: the page is reached through an SSH tunnel to 127.0.0.1 (which
# browsers count as secure) or through an HTTPS proxy, never over plain HTTP.
COOKIE = {"httponly": True, "samesite": "Strict", "secure": True, "path": "/"}

LOGBOOK = web.AppKey("logbook", Database)
ACCOUNTS = web.AppKey("accounts", Accounts)
TEMPLATES = web.AppKey("templates", jinja2.Environment)
NLU_DIR = web.AppKey("nlu_dir", Path)


def render(request: web.Request, name: str, status: int = 200, **values) -> web.Response:
    template = request.app[TEMPLATES].get_template(name)
    html = template.render(session=request.get("session"), **values)
    return web.Response(text=html, status=status, content_type="text/html")


def refuse(request: web.Request, status: int, message: str) -> web.Response:
    return render(request, "refused.html", status=status, message=message)


@web.middleware
async def security_headers(request: web.Request, handler):
    try:
        response = await handler(request)
    except web.HTTPException as error:
        response = error
    response.headers.update(HEADERS)
    return response


@web.middleware
async def require_session(request: web.Request, handler):
    if request.path.startswith(PUBLIC):
        return await handler(request)
    session = request.app[ACCOUNTS].session(request.cookies.get(SESSION_COOKIE))
    if session is None:
        return web.HTTPSeeOther("/login")
    request["session"] = session
    if request.method == "POST":
        form = await request.post()
        if not same(form.get("csrf"), session.csrf):
            return refuse(request, 403, "This form has no valid CSRF token. Go back, reload "
                                        "the page and try again.")
    return await handler(request)


def same(given, expected: str | None) -> bool:
    return isinstance(given, str) and bool(expected) and hmac.compare_digest(given, expected)


def admin_only(handler):
    async def guarded(request: web.Request):
        if not request["session"].is_admin:
            return refuse(request, 403, "Only admins may see this page.")
        return await handler(request)
    return guarded


# -- log-in -----------------------------------------------------------------------------

async def login_form(request: web.Request, error: str | None = None,
                     status: int = 200) -> web.Response:
    # Kept while the browser has one: a second tab or a favicon request must not
    # invalidate the form already shown.
    token = request.cookies.get(LOGIN_COOKIE)
    if not token or not TOKEN.fullmatch(token):
        token = secrets.token_urlsafe(32)
    response = render(request, "login.html", status=status, csrf=token, error=error)
    response.set_cookie(LOGIN_COOKIE, token, **COOKIE)
    return response


async def login(request: web.Request) -> web.Response:
    form = await request.post()
    if not same(form.get("csrf"), request.cookies.get(LOGIN_COOKIE)):
        return refuse(request, 403, "The log-in form has no valid CSRF token. Reload it and "
                                    "try again.")
    accounts = request.app[ACCOUNTS]
    username = str(form.get("username", ""))
    if not accounts.check_password(username, str(form.get("password", ""))):
        return await login_form(request, "Wrong user name or password.", status=401)
    response = web.HTTPSeeOther("/")
    response.set_cookie(SESSION_COOKIE, accounts.start_session(username), **COOKIE)
    response.del_cookie(LOGIN_COOKIE, path="/")
    return response


async def logout(request: web.Request) -> web.Response:
    request.app[ACCOUNTS].end_session(request.cookies[SESSION_COOKIE])
    response = web.HTTPSeeOther("/login")
    response.del_cookie(SESSION_COOKIE, path="/")
    return response


# -- conversations ----------------------------------------------------------------------

async def conversation_list(request: web.Request) -> web.Response:
    filters = queries.Filters.from_query(request.query)
    db = request.app[LOGBOOK]
    rows, more = queries.conversations(db, filters)
    return render(request, "conversations.html", rows=rows, more=more, filters=filters,
                  choices=queries.choices(db), low=queries.LOW_CONFIDENCE)


def label_of(request: web.Request) -> str:
    label = request.match_info["label"]
    if not LABEL.fullmatch(label):
        raise web.HTTPNotFound()
    return label


async def conversation_page(request: web.Request) -> web.Response:
    label = label_of(request)
    turns = queries.conversation(request.app[LOGBOOK], label)
    if turns is None:
        return refuse(request, 404, "No such conversation: it may have been erased or expired.")
    session: Session = request["session"]
    request.app[ACCOUNTS].audit(session.username, "opened", label)
    return render(request, "conversation.html", label=label, turns=turns,
                  intents=queries.domain_intents(), kinds=queries.KINDS)


async def annotate(request: web.Request) -> web.Response:
    label = label_of(request)
    form = await request.post()
    session: Session = request["session"]
    turn = str(form.get("turn", ""))
    try:
        queries.annotate(request.app[LOGBOOK], label, int(turn) if turn.isdigit() else -1,
                         str(form.get("kind", "")), str(form.get("intent", "")),
                         str(form.get("note", "")), session.username)
    except queries.AnnotationError as error:
        return refuse(request, 400, f"Not saved: {error}.")
    request.app[ACCOUNTS].audit(session.username, "annotated", label)
    return web.HTTPSeeOther(f"/c/{label}#turn-{turn}")


# -- admins -----------------------------------------------------------------------------

@admin_only
async def statistics(request: web.Request) -> web.Response:
    stats = queries.statistics(request.app[LOGBOOK])
    return render(request, "statistics.html", stats=stats,
                  per_day_language=charts.per_day_and_language(stats["per_day_language"]),
                  rates=charts.rates_per_day(stats["per_day"]),
                  intents=charts.intents(stats["intents"]))


@admin_only
async def export_page(request: web.Request) -> web.Response:
    result = export.collect(request.app[LOGBOOK], request.app[NLU_DIR])
    request.app[ACCOUNTS].audit(request["session"].username, "exported")
    files = {language: export.nlu_yaml(examples)
             for language, examples in sorted(result.examples().items())}
    return render(request, "export.html", report=export.report(result), files=files)


@admin_only
async def export_file(request: web.Request) -> web.Response:
    language = request.match_info["language"]
    examples = export.collect(request.app[LOGBOOK], request.app[NLU_DIR]).examples()
    if language not in examples:
        raise web.HTTPNotFound()
    request.app[ACCOUNTS].audit(request["session"].username, f"downloaded {language}.yml")
    return web.Response(text=export.nlu_yaml(examples[language]), content_type="text/yaml",
                        headers={"Content-Disposition":
                                 f'attachment; filename="{language}.yml"'})


@admin_only
async def audit_page(request: web.Request) -> web.Response:
    return render(request, "audit.html", entries=request.app[ACCOUNTS].audit_log())


def create_app(logbook_path: Path, accounts: Accounts,
               nlu_dir: Path = export.NLU_DIR) -> web.Application:
    app = web.Application(middlewares=[security_headers, require_session],
                          client_max_size=64 * 1024)
    app[LOGBOOK] = connect(logbook_path)
    app[ACCOUNTS] = accounts
    app[NLU_DIR] = nlu_dir
    app[TEMPLATES] = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
        finalize=finalize, undefined=jinja2.StrictUndefined)
    app.add_routes([
        web.get("/login", login_form), web.post("/login", login),
        web.post("/logout", logout),
        web.get("/", conversation_list),
        web.get("/c/{label}", conversation_page), web.post("/c/{label}/annotate", annotate),
        web.get("/statistics", statistics),
        web.get("/export", export_page),
        web.get(r"/export/{language:[a-z]{2}}.yml", export_file),
        web.get("/audit", audit_page),
        web.static("/static", HERE / "static"),
    ])
    app.on_cleanup.append(_close)
    return app


async def _close(app: web.Application) -> None:
    app[LOGBOOK].close()
