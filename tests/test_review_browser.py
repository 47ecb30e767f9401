"""The review page in a real headless Chromium (Debian's chromium and chromium-driver)."""

import shutil
from pathlib import Path

import pytest
from review_server import PASSWORDS, ReviewServer, seed

from bot.review import accounts

CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM = shutil.which("chromium")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER.exists()),
                       reason="Debian's chromium and chromium-driver are not installed "
                              "(.ci/run installs them: apt-get install chromium chromium-driver)"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("review")
    seed(data_dir)
    with ReviewServer(data_dir) as running:
        yield running


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # No network here: without these Chromium waits on connections it will never get.
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def browser(chromium, server):
    """The browser, logged out, on the review page's origin."""
    chromium.get(f"{server.url}/login")
    chromium.delete_all_cookies()
    return chromium


def submit(browser, button):
    """Click a button or link and wait for the page it leads to (a click does not wait)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    button.click()
    # Mid-navigation chromedriver may answer "node does not belong to the
    # document" instead of "stale": that too means the page is being replaced.
    WebDriverWait(browser, 20, ignored_exceptions=(WebDriverException,)).until(
        expected_conditions.staleness_of(button))


def log_in(browser, server, username, password=None):
    from selenium.webdriver.common.by import By

    browser.get(f"{server.url}/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(password or PASSWORDS[username])
    submit(browser, browser.find_element(By.ID, "login"))


def test_log_in_filter_open_annotate_export(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    log_in(browser, server, "ana", "a wrong password for ana")
    assert browser.find_element(By.ID, "error").text == "Wrong user name or password."
    assert browser.get_cookie("peerline_review") is None

    log_in(browser, server, "ana")
    assert len(browser.find_elements(By.CSS_SELECTOR, "a.conversation")) == 3

    Select(browser.find_element(By.ID, "language")).select_by_value("en")
    browser.find_element(By.ID, "fallback").click()
    submit(browser, browser.find_element(By.ID, "apply"))
    [link] = browser.find_elements(By.CSS_SELECTOR, "a.conversation")
    assert "language=en" in browser.current_url and "fallback=1" in browser.current_url

    label = link.text
    submit(browser, link)
    turns = browser.find_elements(By.CSS_SELECTOR, "section.turn")
    said = turns[1].find_element(By.CSS_SELECTOR, ".said").text
    assert said == "can the cops take my money \u27e8U+202E\u27e9evil <b>x</b>"

    form = turns[1].find_element(By.CSS_SELECTOR, "form.annotate")
    Select(form.find_element(By.NAME, "intent")).select_by_value("ask_police_rights")
    submit(browser, form.find_element(By.CSS_SELECTOR, "button[value=wrong_intent]"))
    annotations = browser.find_element(By.CSS_SELECTOR, "section.turn.fallback .annotations")
    assert "wrong intent: should be ask_police_rights" in annotations.text

    submit(browser, browser.find_element(By.LINK_TEXT, "Export"))
    assert "1 of 1 corrected turns would change the next training" in browser.find_element(
        By.ID, "report").text
    nlu = browser.find_element(By.ID, "nlu-en").text
    assert "- intent: ask_police_rights" in nlu
    assert "- can the cops take my money evil <b>x</b>" in nlu

    submit(browser, browser.find_element(By.LINK_TEXT, "Statistics"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")) > 3

    submit(browser, browser.find_element(By.LINK_TEXT, "Audit log"))
    assert f"ana opened {label}" in browser.find_element(By.ID, "audit").text


def test_a_form_without_its_csrf_token_is_refused(browser, server):
    from selenium.webdriver.common.by import By

    log_in(browser, server, "rui")
    submit(browser, browser.find_element(By.CSS_SELECTOR, "a.conversation"))
    form = browser.find_element(By.CSS_SELECTOR, "form.annotate")
    browser.execute_script("arguments[0].querySelector('input[name=csrf]').remove()", form)
    form.find_element(By.NAME, "note").send_keys("a note that must not be saved")
    submit(browser, form.find_element(By.CSS_SELECTOR, "button[value=note]"))
    assert "no valid CSRF token" in browser.find_element(By.ID, "refused").text
    browser.back()
    browser.refresh()
    assert "a note that must not be saved" not in browser.page_source


def test_an_expired_session_is_refused(browser, server):
    from selenium.webdriver.common.by import By

    log_in(browser, server, "rui")
    assert browser.find_elements(By.CSS_SELECTOR, "a.conversation")
    server.clock.skipped += accounts.IDLE_SECONDS + 1
    browser.refresh()
    assert browser.current_url == f"{server.url}/login"
    assert not browser.find_elements(By.CSS_SELECTOR, "a.conversation")
