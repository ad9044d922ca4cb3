"""The viewer's real-browser end-to-end test: headless Chromium driven by Selenium.

Run by Tools/browser-test.sh, which starts `teamgraph serve Samples/network.csv --port 0` and
passes its address. Every wait is bounded (10 s); on failure a screenshot, the page and the
browser log go to the failures folder and the exit status is 1.

    python Tools/browser_test.py --url http://127.0.0.1:PORT --screenshot Samples/viewer.png \
        --failures .build/browser-failures
"""

import argparse
import json
import os
import re
import signal
import sys
import time
import traceback
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 10  # seconds, the most any one step waits


class Check:
    """The steps run so far, for the report and the failure file names."""

    def __init__(self):
        self.step = "start"
        self.done = []

    def __call__(self, name):
        self.step = name
        print(f"  - {name}", flush=True)


step = Check()


def api(base, path, **params):
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{base}{path}{'?' + query if query else ''}", timeout=WAIT) as answer:
        return json.loads(answer.read().decode("utf-8"))


def wait_for(driver, what, condition, timeout=WAIT):
    try:
        # the page may redraw what a condition reads (a panel after an edit): read it again
        return WebDriverWait(driver, timeout, poll_frequency=0.1,
                             ignored_exceptions=[StaleElementReferenceException]).until(lambda d: condition(d))
    except TimeoutException:
        raise AssertionError(f"timed out after {timeout} s waiting for {what}") from None


def css(driver, selector):
    return driver.find_elements(By.CSS_SELECTOR, selector)


def card_selector(person):
    return f'#tg-chart g.node.person[data-person="{person}"]'


def chart_ready(driver):
    return driver.execute_script(
        "const c = document.getElementById('tg-chart');"
        "return c.getAttribute('data-state') === 'ready' && !!c.querySelector('svg g.node.person');"
    )


def drawn_cards(driver):
    return int(driver.find_element(By.ID, "tg-chart").get_attribute("data-cards") or "0")


def chart_request_count(driver):
    return driver.execute_script("return performance.getEntriesByType('resource').filter("
                                 "e => e.name.includes('/api/chart.svg')).length;")


def visible_in_chart(driver, selector):
    """Whether the element's centre is inside the chart area and not under an open panel."""
    return driver.execute_script(
        """
        const node = document.querySelector(arguments[0]);
        if (!node) return false;
        const r = node.getBoundingClientRect();
        const c = document.getElementById('tg-chart').getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        if (x < c.left || x > c.right || y < c.top || y > c.bottom) return false;
        const top = document.elementFromPoint(x, y);
        return !!top && node.contains(top);
        """,
        selector,
    )


def click_svg(driver, element):
    """A real mouse click at the centre of an SVG element (Selenium's click may not scroll SVG)."""
    ActionChains(driver).move_to_element(element).click().perform()


def search(driver, text, person):
    box = driver.find_element(By.ID, "tg-search")
    box.clear()
    box.click()
    box.send_keys(text)
    wait_for(
        driver,
        f"the suggestion {person} for {text!r}",
        lambda d: any(li.is_displayed() for li in css(d, f'#tg-suggestions li[data-person="{person}"]')),
    )
    first = css(driver, "#tg-suggestions li")[0]
    assert first.get_attribute("data-person") == person, f"the first suggestion is {first.text!r}, not {person}"
    box.send_keys(Keys.ENTER)
    wait_for(driver, f"the focused card of {person}", lambda d: css(d, card_selector(person) + ".tg-focus"))
    wait_for(driver, f"the chart ready with {person}", chart_ready)
    wait_for(driver, f"the card of {person} in view", lambda d: visible_in_chart(d, card_selector(person)))


def panel_open_for(driver, person):
    wait_for(
        driver,
        f"the panel of {person}",
        lambda d: d.execute_script(
            "const p = document.getElementById('tg-panel');"
            "return !p.hidden && p.getAttribute('data-person') === arguments[0]"
            " && p.getAttribute('data-state') === 'ready';",
            person,
        ),
    )


def browser_errors(driver):
    errors = []
    for entry in driver.get_log("browser"):
        if entry.get("level") in ("SEVERE", "ERROR"):
            errors.append(entry.get("message", ""))
    return errors


def run(driver, base, screenshot):
    summary = api(base, "/api/gaps/summary")
    m003 = api(base, "/api/people/M003")
    all_errors = []

    step("open the page with a small chart (max_nodes=20), so branches are collapsed")
    driver.get(base + "/?max_nodes=20")
    wait_for(driver, "the chart", chart_ready)
    assert driver.title == "TeamGraph", driver.title
    assert css(driver, "#tg-chart g.node.more"), "no '+N people' card at max_nodes=20"
    assert driver.find_element(By.ID, "tg-notice").is_displayed(), "the collapse note is not shown"
    note = driver.find_element(By.ID, "tg-notice-text").text
    assert "max_nodes 20" in note and "王芳" in note, f"the note is not decoded: {note!r}"

    step("search 王芳: the suggestion, then her card centred and highlighted")
    search(driver, "王芳", "M003")
    panel_open_for(driver, "M003")

    step("Escape closes the panel")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    wait_for(driver, "the panel closed", lambda d: not d.find_element(By.ID, "tg-panel").is_displayed())

    step("click her card: the panel shows details, metrics and both chains")
    click_svg(driver, css(driver, card_selector("M003"))[0])
    panel_open_for(driver, "M003")
    assert driver.find_element(By.ID, "tg-panel-name").text == "王芳"
    chain = [b.get_attribute("data-person") for b in css(driver, "#tg-chain-sponsor button[data-person]")]
    assert chain == [p["id"] for p in m003["chains"]["sponsor"]], f"sponsor chain {chain}"
    owner_chain = [b.get_attribute("data-person") for b in css(driver, "#tg-chain-owner button[data-person]")]
    assert owner_chain == [p["id"] for p in m003["chains"]["owner"]], f"owner chain {owner_chain}"
    details = driver.find_element(By.ID, "tg-panel-details").text
    for expected in ("经理", "138-0000-1003", "华东区, 上海", "手机", "备注"):
        assert expected in details, f"{expected!r} not in the details: {details!r}"
    frontline = driver.find_element(By.CSS_SELECTOR, '#tg-panel-metrics dd[data-metric="frontline"]').text
    assert frontline == str(m003["metrics"]["frontline"]), f"frontline {frontline}"
    under = css(driver, "#tg-under-sponsor button[data-person]")
    assert len(under) == m003["under"]["sponsor"]["count"], f"{len(under)} people under her"
    assert css(driver, '#tg-panel-gaps li[data-kind="owner-overloaded"]'), "her gap is not listed"
    assert css(driver, card_selector("M003") + ".tg-selected"), "her card is not highlighted"

    step("a chain link focuses that person")
    driver.find_element(By.CSS_SELECTOR, '#tg-chain-sponsor button[data-person="M001"]').click()
    panel_open_for(driver, "M001")
    wait_for(driver, "M001 in view", lambda d: visible_in_chart(d, card_selector("M001")))
    driver.find_element(By.ID, "tg-panel-close").click()
    wait_for(driver, "the panel closed", lambda d: not d.find_element(By.ID, "tg-panel").is_displayed())

    step("expand a '+N people' card in place: more cards are drawn")
    driver.find_element(By.ID, "tg-fit").click()
    before = drawn_cards(driver)
    more = [m for m in css(driver, "#tg-chart g.node.more") if m.get_attribute("data-more")]
    assert more, "no '+N people' card left to expand"
    target = more[0]
    parent = target.get_attribute("data-more")
    requests = chart_request_count(driver)
    click_svg(driver, target)
    wait_for(driver, "a new chart", lambda d: chart_request_count(d) > requests and chart_ready(d))
    wait_for(driver, f"more than {before} cards", lambda d: drawn_cards(d) > before)
    after = drawn_cards(driver)
    assert not css(driver, f'#tg-chart g.node.more[data-more="{parent}"]'), "the expanded card is still there"
    assert visible_in_chart(driver, card_selector(parent)), "the view left the expanded branch"
    print(f"    {before} -> {after} cards (expanded under {parent})")

    step("zoom and pan do not break the chart")
    chart = driver.find_element(By.ID, "tg-chart")
    view_box = "return document.getElementById('tg-svg').getAttribute('viewBox');"
    box_before = driver.execute_script(view_box)
    driver.find_element(By.ID, "tg-zoom-in").click()
    ActionChains(driver).scroll_to_element(chart).perform()
    driver.execute_script(
        "document.getElementById('tg-chart').dispatchEvent(new WheelEvent('wheel',"
        "{deltaY: -200, clientX: 400, clientY: 400, bubbles: true, cancelable: true}));"
    )
    ActionChains(driver).move_to_element_with_offset(chart, -300, 200).click_and_hold().move_by_offset(
        80, 40).move_by_offset(40, 20).release().perform()
    box_after = driver.execute_script(view_box)
    assert box_before != box_after, "zoom and pan did not move the view"
    assert not driver.find_element(By.ID, "tg-panel").is_displayed(), "a drag opened the panel"

    step("toggle the relation to owner")
    requests = chart_request_count(driver)
    driver.find_element(By.ID, "tg-by-owner").click()
    wait_for(driver, "the owner chart", lambda d: chart_request_count(d) > requests and chart_ready(d))
    wait_for(
        driver,
        "the owner chart's caption",
        lambda d: "owner network" in d.find_element(By.ID, "tg-svg").get_attribute("textContent"),
    )
    assert driver.find_element(By.ID, "tg-by-owner").get_attribute("aria-pressed") == "true"
    assert "by=owner" in driver.find_element(By.ID, "tg-export-svg").get_attribute("href")
    pages = driver.find_element(By.ID, "tg-export-pages").get_attribute("href")
    assert "by=owner" in pages and pages.endswith("page=A4"), pages
    with urllib.request.urlopen(pages, timeout=30) as answer:
        pdf = answer.read()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type /Page\b[^s]", pdf)) >= 2, "the A4 export is a paged PDF"
    assert "by=owner" in driver.current_url, driver.current_url

    step("the other relation dashed, colour by team")
    requests = chart_request_count(driver)
    driver.find_element(By.ID, "tg-also").click()
    wait_for(driver, "the chart with sponsor lines", lambda d: chart_request_count(d) > requests and chart_ready(d))
    assert "also=sponsor" in driver.find_element(By.ID, "tg-export-png").get_attribute("href")

    step("the gaps panel: counts of the whole network, filter, click a gap")
    driver.find_element(By.ID, "tg-gaps-button").click()
    wait_for(driver, "the gap kinds", lambda d: len(css(d, "#tg-gaps-kinds button.kind")) == 1 + len(summary["kinds"]))
    for kind, count in summary["kinds"].items():
        badge = driver.find_element(By.CSS_SELECTOR, f'#tg-gaps-kinds button[data-kind="{kind}"] .badge').text
        assert badge == str(count), f"{kind}: {badge} shown, {count} in the summary"
    wait_for(driver, "every gap listed", lambda d: len(css(d, "#tg-gaps-list .gap")) == summary["total"])
    driver.find_element(By.CSS_SELECTOR, '#tg-gaps-kinds button[data-kind="inactive-owner"]').click()
    wait_for(
        driver,
        "the inactive-owner gaps only",
        lambda d: len(css(d, "#tg-gaps-list .gap")) == summary["kinds"]["inactive-owner"]
        and all(g.get_attribute("data-kind") == "inactive-owner" for g in css(d, "#tg-gaps-list .gap")),
    )
    gap = css(driver, "#tg-gaps-list button.gap")[0]
    person = gap.get_attribute("data-person")
    gap.click()
    wait_for(driver, f"the focused card of {person}", lambda d: css(d, card_selector(person) + ".tg-focus"))
    wait_for(driver, f"{person} in view", lambda d: visible_in_chart(d, card_selector(person)))
    panel_open_for(driver, person)

    step("'make root' and 'up one level'")
    driver.find_element(By.ID, "tg-make-root").click()
    wait_for(driver, f"the chart from {person}", lambda d: chart_ready(d) and f"root={person}" in d.current_url)
    parent = api(base, f"/api/people/{person}")["chains"]["owner"][0]["id"]
    driver.find_element(By.ID, "tg-up").click()
    wait_for(driver, f"the chart from {parent}", lambda d: chart_ready(d) and f"root={parent}" in d.current_url)
    assert css(driver, card_selector(parent)), f"{parent} is not drawn"
    driver.find_element(By.ID, "tg-whole").click()
    wait_for(driver, "the whole network", lambda d: chart_ready(d) and "root=" not in d.current_url)

    step("the '/' key focuses the search")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    driver.find_element(By.ID, "tg-chart").click()
    ActionChains(driver).send_keys("/").perform()
    assert driver.switch_to.active_element.get_attribute("id") == "tg-search", "'/' did not focus the search"

    step("no errors in the browser log")
    errors = browser_errors(driver)
    all_errors += errors
    assert not errors, "browser errors:\n" + "\n".join(errors)

    step("phone width (390x844): search and panel usable")
    # headless Chromium keeps windows at least 500 px wide: emulate the phone's screen instead
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    driver.get(base + "/")
    width = driver.execute_script("return innerWidth;")
    assert width == 390, f"the page is {width} px wide, not 390"
    wait_for(driver, "the chart", chart_ready)
    search(driver, "叶青", "M041")
    panel_open_for(driver, "M041")
    geometry = driver.execute_script(
        """
        const p = document.getElementById('tg-panel').getBoundingClientRect();
        const s = document.getElementById('tg-search').getBoundingClientRect();
        return {width: innerWidth, height: innerHeight, scroll: document.documentElement.scrollWidth,
                panelLeft: p.left, panelRight: p.right, panelTop: p.top, searchLeft: s.left, searchRight: s.right};
        """
    )
    assert geometry["scroll"] <= geometry["width"], f"the page scrolls sideways: {geometry}"
    assert geometry["panelLeft"] >= 0 and geometry["panelRight"] <= geometry["width"] + 1, f"panel {geometry}"
    assert geometry["panelTop"] > geometry["height"] * 0.2, f"the panel hides the whole chart: {geometry}"
    assert geometry["searchLeft"] >= 0 and geometry["searchRight"] <= geometry["width"], f"search {geometry}"
    assert visible_in_chart(driver, card_selector("M041")), "the card is hidden behind the panel"
    assert "unowned-newcomer" in driver.find_element(By.ID, "tg-panel-gaps").get_attribute("innerHTML")
    driver.find_element(By.ID, "tg-panel-close").click()
    wait_for(driver, "the panel closed", lambda d: not d.find_element(By.ID, "tg-panel").is_displayed())
    errors = browser_errors(driver)
    assert not errors, "browser errors at phone width:\n" + "\n".join(errors)

    step("the screenshot for the README: 王芳 focused, her panel open")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(1280, 900)
    driver.get(base + "/?color=status")
    wait_for(driver, "the chart", chart_ready)
    search(driver, "王芳", "M003")
    panel_open_for(driver, "M003")
    time.sleep(0.3)
    errors = browser_errors(driver)
    assert not errors, "browser errors:\n" + "\n".join(errors)
    if screenshot:
        os.makedirs(os.path.dirname(os.path.abspath(screenshot)), exist_ok=True)
        driver.save_screenshot(screenshot)
        print(f"    saved {screenshot}")


HOSTILE_NAME = "<script>window.__pwned=1</script>"
HOSTILE_ROLE = "<img src=x onerror=window.__pwned=2>"
HOSTILE_OTHER = 'Tom & "Jerry" <i>'


def run_hostile(driver, base):
    """Served from a store of names that look like markup: they show literally, nothing runs."""
    step("a store of hostile names: the date picker and the diff controls show")
    driver.set_window_size(1280, 900)
    driver.get(base + "/")
    wait_for(driver, "the chart", chart_ready)
    assert driver.find_element(By.ID, "tg-store").is_displayed(), "no date picker with a store"

    step("names with <script>, quotes and & show literally, in suggestions, chart and panel")
    search(driver, "<script>", "X 1")
    panel_open_for(driver, "X 1")
    suggestion_page = driver.execute_script("return document.getElementById('tg-suggestions').textContent;")
    assert HOSTILE_NAME in suggestion_page, f"suggestions: {suggestion_page!r}"
    assert driver.find_element(By.ID, "tg-panel-name").text == HOSTILE_NAME
    role = driver.find_element(By.CSS_SELECTOR, '#tg-panel-details dd[data-field="role"]').text
    assert role == HOSTILE_ROLE, f"role shown as {role!r}"
    card_text = driver.execute_script(
        "return document.querySelector(arguments[0]).textContent;", card_selector("X 1"))
    assert "<script>" in card_text, f"the card reads {card_text!r}"
    search(driver, "Jerry", "X%2")
    panel_open_for(driver, "X%2")
    assert driver.find_element(By.ID, "tg-panel-name").text == HOSTILE_OTHER
    owner = driver.find_element(By.CSS_SELECTOR, '#tg-panel-details dd[data-field="owner"]').text
    assert HOSTILE_NAME in owner, f"owner shown as {owner!r}"
    state = driver.execute_script(
        "return {pwned: window.__pwned === undefined ? null : window.__pwned,"
        " scripts: document.scripts.length, images: document.querySelectorAll('img, svg script, i, b').length};")
    assert state == {"pwned": None, "scripts": 1, "images": 0}, f"markup from data got in: {state}"

    step("as of an earlier day, then the changes between two days (diff chart)")
    requests = chart_request_count(driver)
    driver.execute_script(
        "const input = document.getElementById('tg-as-of'); input.value = '2026-03-01';"
        "input.dispatchEvent(new Event('change', {bubbles: true}));")
    wait_for(driver, "the chart as of 2026-03-01",
             lambda d: chart_request_count(d) > requests and chart_ready(d) and "as_of=2026-03-01" in d.current_url)
    driver.execute_script(
        "document.getElementById('tg-diff-from').value = '2026-01-01';"
        "document.getElementById('tg-diff-to').value = '2026-07-01';")
    driver.find_element(By.ID, "tg-diff-show").click()
    wait_for(driver, "the diff chart with the move marked",
             lambda d: chart_ready(d) and css(d, card_selector("X%2") + ".diff-moved"))
    assert not driver.find_element(By.ID, "tg-error").is_displayed(), driver.find_element(By.ID, "tg-error").text
    errors = browser_errors(driver)
    assert not errors, "browser errors:\n" + "\n".join(errors)


def sign_in(driver, base, name, password):
    driver.get(base + "/")
    wait_for(driver, "the sign-in form", lambda d: css(d, "#tg-signin"))
    driver.find_element(By.ID, "tg-signin-name").send_keys(name)
    driver.find_element(By.ID, "tg-signin-password").send_keys(password)
    driver.find_element(By.ID, "tg-signin-submit").click()
    wait_for(driver, f"the chart, signed in as {name}", lambda d: not css(d, "#tg-signin") and chart_ready(d))
    account = driver.find_element(By.ID, "tg-account").text
    assert account.startswith(name + " ("), f"signed in as {account!r}"


def run_accounts(driver, base, shots):
    """Served from a store with accounts: an editor closes an unowned-newcomer gap from the gaps
    panel and the history names them; a scoped viewer finds nobody outside their branch.
    Screenshots of the sign-in page, the suggestions and the edit panel go to `shots`."""
    def shot(name):
        if shots:
            os.makedirs(shots, exist_ok=True)
            driver.save_screenshot(os.path.join(shots, name))
    driver.set_window_size(1280, 900)
    step("a wrong password is refused on the sign-in page")
    driver.get(base + "/")
    wait_for(driver, "the sign-in form", lambda d: css(d, "#tg-signin"))
    shot("signin.png")
    driver.find_element(By.ID, "tg-signin-name").send_keys("ed")
    driver.find_element(By.ID, "tg-signin-password").send_keys("wrong")
    driver.find_element(By.ID, "tg-signin-submit").click()
    wait_for(driver, "the refusal", lambda d: "wrong name or password" in d.find_element(By.ID, "tg-signin-error").text)

    step("the editor signs in, opens the gaps panel and assigns an owner to M041")
    sign_in(driver, base, "ed", "pw-ed")
    driver.find_element(By.ID, "tg-gaps-button").click()
    assign = '#tg-gaps-list button.assign-owner[data-person="M041"]'
    wait_for(driver, "the assign-owner action of M041", lambda d: css(d, assign))
    css(driver, assign)[0].click()
    wait_for(driver, "the owner suggestions", lambda d: css(d, "#tg-gaps-list button.suggestion"))
    shot("assign-owner.png")
    first = css(driver, "#tg-gaps-list button.suggestion")[0]
    owner = first.get_attribute("data-owner")
    assert owner == "M039", f"the nearest suggestion is {owner}, not M039 (M041's sponsor)"
    first.click()
    wait_for(driver, "the gap of M041 gone",
             lambda d: not css(d, '#tg-gaps-list button.gap[data-person="M041"][data-kind="unowned-newcomer"]')
             and d.find_element(By.ID, "tg-gaps-list").get_attribute("data-state") == "ready")

    step("the history of M041 shows the editor's name and reason")
    search(driver, "叶青", "M041")
    panel_open_for(driver, "M041")
    wait_for(driver, "the history entry by ed", lambda d: css(d, '#tg-history li[data-author="ed"]'))
    entry = css(driver, '#tg-history li[data-author="ed"]')[-1].text
    assert "owner" in entry and "M039" in entry and "gaps panel" in entry, f"history reads {entry!r}"
    assert css(driver, "#tg-edit"), "no edit panel for an editor"
    driver.execute_script("document.getElementById('tg-edit').scrollIntoView({block: 'center'})")
    shot("edit-panel.png")

    step("the editor sets M041's role from the edit panel, with a reason; the history shows it")
    driver.find_element(By.ID, "tg-edit-reason").send_keys("promoted in the browser")
    role = driver.find_element(By.ID, "tg-edit-role")
    role.clear()
    role.send_keys("主管")
    driver.find_element(By.ID, "tg-edit-role-save").click()
    wait_for(driver, "the role change in the history",
             lambda d: any("role" in li.text and "主管" in li.text and "promoted in the browser" in li.text
                           for li in css(d, '#tg-history li[data-author="ed"]')))

    step("signed out, then in as the viewer scoped to M002: no edit controls, nobody outside")
    driver.find_element(By.ID, "tg-signout").click()
    wait_for(driver, "the sign-in form again", lambda d: css(d, "#tg-signin"))
    sign_in(driver, base, "lin", "pw-lin")
    assert not css(driver, card_selector("M001")) and not css(driver, card_selector("M003")), "outside cards drawn"
    assert css(driver, card_selector("M002")), "the branch's top is not drawn"
    box = driver.find_element(By.ID, "tg-search")
    box.click()
    box.send_keys("张伟")
    time.sleep(1)
    assert not css(driver, '#tg-suggestions li[data-person="M001"]'), "search suggests M001, outside the branch"
    status = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/api/people/M001').then(r => done(r.status));")
    assert status == 404, f"M001 answered {status}"
    search(driver, "叶青", "M041")
    panel_open_for(driver, "M041")
    assert not css(driver, "#tg-edit"), "a viewer sees edit controls"
    driver.find_element(By.ID, "tg-gaps-button").click()
    wait_for(driver, "the gaps list", lambda d: d.find_element(By.ID, "tg-gaps-list").get_attribute("data-state") == "ready")
    assert not css(driver, "#tg-gaps-list button.assign-owner"), "a viewer sees the assign action"
    errors = [e for e in browser_errors(driver) if " 401 " not in e and " 404 " not in e]
    assert not errors, "browser errors:\n" + "\n".join(errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--hostile-url", default="", help="a server of a store with hostile names (optional)")
    parser.add_argument("--accounts-url", default="", help="a server of a store with accounts (optional)")
    parser.add_argument("--screenshot", default="")
    parser.add_argument("--failures", default=".build/browser-failures")
    parser.add_argument("--shots", default=".build/browser-shots", help="where the accounts run's screenshots go")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--window-size=1280,900", "--disable-gpu",
                 "--disable-dev-shm-usage", "--lang=en-US", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    started = time.monotonic()
    # stopped by `timeout`: still quit the browser (the finally below)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    try:
        if args.hostile_url:
            run_hostile(driver, args.hostile_url.rstrip("/"))
        if args.accounts_url:
            run_accounts(driver, args.accounts_url.rstrip("/"), args.shots)
            driver.delete_all_cookies()
        run(driver, args.url.rstrip("/"), args.screenshot)
    except Exception:
        os.makedirs(args.failures, exist_ok=True)
        name = "".join(c if c.isalnum() else "-" for c in step.step)[:60].strip("-")
        shot = os.path.join(args.failures, f"{name}.png")
        try:
            driver.save_screenshot(shot)
            with open(os.path.join(args.failures, f"{name}.html"), "w", encoding="utf-8") as page:
                page.write(driver.page_source)
            with open(os.path.join(args.failures, f"{name}.log"), "w", encoding="utf-8") as log:
                for entry in driver.get_log("browser"):
                    log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        except Exception as error:  # the browser itself may be gone
            print(f"(no screenshot: {error})", file=sys.stderr)
        print(f"FAILED at step: {step.step}", file=sys.stderr)
        traceback.print_exc()
        print(f"screenshot, page and browser log in {args.failures}/{name}.*", file=sys.stderr)
        return 1
    finally:
        driver.quit()
    print(f"browser test passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
