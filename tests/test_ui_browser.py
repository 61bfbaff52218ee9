"""The page end to end in headless Chromium (Debian's /usr/bin/chromium driven by Playwright)."""
from __future__ import annotations

import os
import re
from urllib.parse import urlparse

import pytest

from ui_server import CHROMIUM, CHROMIUM_FLAGS, ROOT, _servers, _start, article_server, hostile_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} not installed"),
]

SCREENSHOT = ROOT / "docs" / "screenshot.png"  # the README's; rewritten only with QA_SCREENSHOT=1
HUAWEI = "What system did Huawei launch at the conference?"
LOCAL = {"127.0.0.1", "localhost"}
ANSWER_TIMEOUT = 90_000  # ms; the first question may wait for the model to warm up


def network_host(url: str) -> str:
    """The host a request goes to; data: and blob: URLs never leave the page."""
    u = urlparse(url)
    return u.hostname if u.scheme in ("http", "https", "ws", "wss") else "localhost"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request host and every JS dialog (alert); no test may
    make the page fetch anything from another machine (fonts, scripts, analytics)."""
    pg = browser.new_page(viewport={"width": 1400, "height": 900})
    pg.hosts, pg.dialogs = set(), []
    pg.on("request", lambda r: pg.hosts.add(network_host(r.url)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    pg.close()
    assert pg.hosts <= LOCAL, f"requests left the machine: {pg.hosts - LOCAL}"


def open_page(pg, url):
    pg.goto(url)
    pg.wait_for_selector("#qa-question textarea")


def ask(pg, question: str, n: int = 1):
    """Type a question, press Enter, wait for the n-th finished answer (by content, not network)."""
    pg.fill("#qa-question textarea", question)
    pg.press("#qa-question textarea", "Enter")
    done = pg.locator('[data-testid="bot"] :is(.qa-answer, .qa-refusal, .qa-error)').nth(n - 1)
    done.wait_for(timeout=ANSWER_TIMEOUT)
    return done


def test_answer_is_cited_and_highlighted(page, tmp_path):
    server = article_server()
    open_page(page, server.url)
    ask(page, HUAWEI)
    bot = page.locator('[data-testid="bot"]').last
    assert "CloudMatrix 384" in bot.inner_text()
    mark = page.locator("#qa-sources mark.qa-hl").first
    assert "Huawei took centre stage at the conference with the launch of its CloudMatrix 384 system" \
        in mark.inner_text()
    assert page.locator("#qa-sources .qa-source .qa-title").first.inner_text().strip()
    assert page.locator("#qa-doc").count() == 0 or not page.locator("#qa-doc").is_visible()  # one document
    page.wait_for_selector(".qa-status.qa-ready")
    page.locator("#qa-sources").evaluate("e => e.scrollTop = 0")
    # a test run leaves the repository's files as they are
    page.screenshot(path=str(SCREENSHOT if os.environ.get("QA_SCREENSHOT") == "1" else tmp_path / "screenshot.png"))
    assert not page.locator('[data-testid="bot"] .qa-below').is_visible()  # a phone's way down to the panel
    page.locator("a.qa-marker").first.click()  # the marker brings its passage into view
    assert urlparse(page.url).fragment == "qa-t1-c1"
    assert page.locator("#qa-t1-c1").is_visible()
    assert page.hosts <= LOCAL, f"requests left the machine: {page.hosts - LOCAL}"


def test_followup_and_refusal_in_the_chat(page):
    open_page(page, article_server().url)
    ask(page, "What did Alibaba unveil?")
    ask(page, "Which model powers it?", 2)
    ask(page, "What is the population of Peru?", 3)
    assert page.locator('[data-testid="bot"]').count() == 3
    last = page.locator('[data-testid="bot"]').last
    if last.locator(".qa-refusal").count():  # refusals look different; nothing near Peru is shown as near
        assert "The article doesn't say." in last.inner_text()
        assert "No passage is close to this question." in page.locator("#qa-sources").text_content()
    # an earlier answer's marker still has its passage: folded under its question, unfolded on click
    page.locator('[data-testid="bot"] a.qa-marker[href="#qa-t1-c1"]').first.click()
    page.locator("#qa-t1-c1").wait_for(state="visible", timeout=10_000)
    assert urlparse(page.url).fragment == "qa-t1-c1" and "Alibaba unveiled" in page.locator("#qa-t1-c1").inner_text()
    page.click("#qa-clear")
    page.wait_for_function("document.querySelectorAll('[data-testid=\"bot\"]').length === 0")
    assert page.locator("#qa-sources .qa-empty").count() == 1 and page.locator("#qa-sources details").count() == 0


def test_on_a_phone_the_question_box_is_in_view_and_one_control_clears(browser):
    pg = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    try:
        open_page(pg, article_server().url)
        box = pg.locator("#qa-question textarea").bounding_box()
        assert box["y"] + box["height"] <= 740, box  # no scrolling to find where to type
        ask_btn = pg.locator("#qa-ask").bounding_box()
        assert box["width"] > 2 * ask_btn["width"], (box, ask_btn)  # the row is mostly the box
        ask(pg, "What did Tencent introduce?")
        clears = [b for b in pg.get_by_role("button").all() if b.is_visible() and "clear" in (b.inner_text()
                  + (b.get_attribute("aria-label") or "")).lower()]
        assert len(clears) == 1 and clears[0].inner_text().strip() == "Clear conversation"
        assert not [d for d in pg.locator("footer .divider").all() if d.is_visible()]  # no stray "·"
        pg.locator('[data-testid="bot"] a.qa-marker').first.click()  # the passage, below the chat
        back = pg.locator("#qa-t1-c1").locator("xpath=ancestor-or-self::article").locator("a.qa-back")
        assert back.is_visible()
        back.click()
        pg.wait_for_timeout(300)
        chat = pg.locator("#qa-chat").bounding_box()
        assert chat["y"] < 740 and chat["y"] + chat["height"] > 0, chat  # back up at the answer
    finally:
        pg.close()


def test_on_a_phone_an_answer_points_to_its_source_below_and_stays_in_view(browser):
    """On a phone the sources panel is under the chat: after an answer its passage was off-screen,
    and only a tap on the marker [1] (nothing said so) went there. A link under the answer says
    where its source is; the page does not scroll there by itself."""
    pg = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        open_page(pg, article_server().url)
        before = pg.evaluate("window.scrollY")
        ask(pg, "What did Tencent introduce?")
        pg.wait_for_timeout(300)
        assert pg.evaluate("window.scrollY") == before  # the answer stays in view
        card = pg.locator("#qa-t1-c1")
        assert card.bounding_box()["y"] >= 844  # its passage is below, out of view
        link = pg.locator('[data-testid="bot"] .qa-below a')
        assert link.is_visible() and link.inner_text().strip() == "See the source below ↓"
        box = link.bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= 844, box
        link.tap()
        pg.wait_for_timeout(300)
        assert urlparse(pg.url).fragment == "qa-t1-c1"
        at = card.bounding_box()
        assert 0 <= at["y"] < 844, at
        card.locator("a.qa-back").tap()
        pg.wait_for_timeout(300)
        chat = pg.locator("#qa-chat").bounding_box()
        assert chat["y"] < 844 and chat["y"] + chat["height"] > 0, chat  # back up at the answer
    finally:
        pg.close()


# In the page: the layout-shift score of everything that moved since it was opened (the browser
# keeps the entries: buffered), as Chrome's Web Vitals count it
LAYOUT_SHIFT = """() => new Promise(done => { let score = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) score += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(score), 200); })"""


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1366, "height": 900}])
def test_the_page_appears_whole_without_jumping(browser, viewport):
    """Gradio drew the page a piece at a time: on a phone the sources panel appeared where the
    chat would be and jumped ~650 px as the chat and the box arrived; the layout-shift score was
    0.40 on a phone and 0.78 on a desktop (0.1 is "good"). The page shows once it is drawn."""
    pg = browser.new_page(viewport=viewport, is_mobile=viewport["width"] < 500)
    try:
        open_page(pg, article_server().url)
        pg.wait_for_timeout(1500)
        assert pg.locator("#qa-question textarea").is_visible()
        assert pg.evaluate(LAYOUT_SHIFT) < 0.1
    finally:
        pg.close()


# A CSS colour's relative luminance (WCAG), for the contrast checks below
LUMINANCE = """const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"""

# In the page: the contrast of the Ask button's white text on its background (WCAG's formula)
ASK_CONTRAST = """() => { const b = document.querySelector('#qa-ask'), s = getComputedStyle(b);
  """ + LUMINANCE + """
  const [hi, lo] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05); }"""


def test_the_ask_button_reads_clearly_at_rest_and_under_the_pointer(page):
    """The theme's indigo-500 was 4.47:1 under white text, and hovering lightened it to 2.98:1:
    a button the pointer rests on looked disabled. Both at least WCAG AA's 4.5:1."""
    open_page(page, article_server().url)
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    assert page.evaluate(ASK_CONTRAST) >= 4.5
    page.hover("#qa-ask")
    page.wait_for_timeout(400)  # past the theme's transition
    assert page.evaluate(ASK_CONTRAST) >= 4.5


# In the page: the Ask button's focus ring (width, and its contrast against the page it sits on)
ASK_RING = """() => { const s = getComputedStyle(document.querySelector('#qa-ask'));
  const page = getComputedStyle(document.querySelector('gradio-app')).backgroundColor;
  """ + LUMINANCE + """
  const [hi, lo] = [lum(s.outlineColor), lum(page)].sort((x, y) => y - x);
  return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), contrast: (hi + 0.05) / (lo + 0.05)}; }"""


def test_the_ask_button_shows_where_the_keyboard_is(page):
    """Tabbing to Ask drew Gradio's 1 px dark outline on the indigo button, 2.2:1 (the fourth
    audit); a focus indicator needs 3:1. Now a 2 px ring outside the button, against the page."""
    open_page(page, article_server().url)
    page.focus("#qa-question textarea")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "qa-ask"
    page.wait_for_timeout(400)  # past the theme's transition
    ring = page.evaluate(ASK_RING)
    assert ring["style"] != "none" and ring["width"] >= 2 and ring["contrast"] >= 3, ring


# In the page: the height of each control a finger taps on a phone, and the box's font size
PHONE_TARGETS = """() => { const h = s => Math.min(...[...document.querySelectorAll(s)].filter(e => e.offsetParent)
  .map(e => e.getBoundingClientRect().height));
  return {ask: h('#qa-ask'), box: h('#qa-question textarea'), examples: h('.qa-example'), clear: h('#qa-clear'),
          marker: h('#qa-chat a.qa-marker'), below: h('.qa-below a'),
          font: parseFloat(getComputedStyle(document.querySelector('#qa-question textarea')).fontSize)}; }"""


def test_on_a_phone_the_controls_are_big_enough_for_a_finger(browser):
    """On a phone the example questions and "Clear conversation" were 26 px tall, Ask and the box
    40, an answer's [1] 19 and "See the source below" 15 (the fourth audit), and the box's 14 px
    text made iOS zoom the page when it took the focus. Controls 44 px now, links over 30, 16 px text."""
    pg = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        open_page(pg, article_server().url)
        ask(pg, HUAWEI)
        got = pg.evaluate(PHONE_TARGETS)
        assert min(got["ask"], got["box"], got["examples"], got["clear"]) >= 44, got
        assert min(got["marker"], got["below"]) >= 30 and got["font"] >= 16, got
    finally:
        pg.close()


# In the page: where the newest question and its answer's first line are against the chat's view
IN_CHAT_VIEW = """() => { const wrap = document.querySelector('#qa-chat .bubble-wrap').getBoundingClientRect();
  const users = document.querySelectorAll('#qa-chat [data-testid="user"]'), q = users[users.length - 1].getBoundingClientRect();
  const bots = document.querySelectorAll('#qa-chat [data-testid="bot"] .qa-short'), a = bots[bots.length - 1].getBoundingClientRect();
  return {top: wrap.top, bottom: wrap.bottom, question: q.top, verdict: a.bottom}; }"""


# In the page: whether the chat's "scroll down" arrow, when shown, lies over the latest answer's bubble
ARROW_OVER_ANSWER = """() => { const b = document.querySelector('#qa-chat button[aria-label="Scroll down"]');
  const bots = document.querySelectorAll('#qa-chat [data-testid="bot"]'), m = bots[bots.length - 1];
  if (!b || !m || !b.offsetParent) return false;
  const r = b.getBoundingClientRect(), a = m.getBoundingClientRect();
  return r.left < a.right && a.left < r.right && r.top < a.bottom && a.top < r.bottom; }"""


def test_on_a_phone_a_long_refusal_opens_at_its_question_and_verdict(browser):
    """A refusal lists its nearest passages, taller than a phone's chat: the chat scrolled to its
    end, the question and "The article doesn't say." above the view, and the passages left in view
    looked like a cited answer. The newest question is at the top of the chat, its verdict under it."""
    pg = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        open_page(pg, article_server().url)
        for n, question in enumerate(("What did Xiaomi announce at WAIC?", "What did Google present in Shanghai?"), 1):
            done = ask(pg, question, n)
            assert "doesn" in done.inner_text()
            pg.wait_for_timeout(400)  # past Gradio's own scrolling (300 ms after a change)
            at = pg.evaluate(IN_CHAT_VIEW)
            assert at["top"] <= at["question"] and at["verdict"] <= at["bottom"], at
            assert pg.evaluate("document.querySelector('#qa-chat .bubble-wrap').scrollTop") > 0 or n == 1
            assert not pg.evaluate(ARROW_OVER_ANSWER)  # Gradio's scroll-down arrow over its words (the fourth audit)
    finally:
        pg.close()


# In the page: how the sources panel scrolls, and where its last folded earlier answer ends
# against the bottom of the panel's box and of the page (all in page coordinates).
PANEL_FLOW = """() => { const p = document.querySelector('#qa-sources'), r = p.getBoundingClientRect();
  const folds = [...p.querySelectorAll('.qa-turn')], last = folds[folds.length - 1].getBoundingClientRect();
  return {overflow: getComputedStyle(p).overflowY, inner: p.scrollHeight - p.clientHeight, folds: folds.length,
          fold: last.bottom + scrollY, box: r.bottom + scrollY, page: document.scrollingElement.scrollHeight}; }"""


def test_on_a_phone_the_sources_flow_with_the_page(browser):
    """On a phone the panel under the chat was a box of its own scrolling inside the scrolling page
    (~668 px), and after a few questions the earlier answers at its end were cut off. It is as tall
    as what it holds now: no inner scrollbar, the last earlier answer within the page."""
    pg = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        open_page(pg, article_server().url)
        for n, question in enumerate(["What did Tencent introduce?", "What did Alibaba unveil?",
                                      "What is Huawei's stock price?", HUAWEI], 1):
            ask(pg, question, n)
        pg.wait_for_timeout(300)
        flow = pg.evaluate(PANEL_FLOW)
        assert flow["folds"] == 3, flow
        assert flow["overflow"] == "visible" and flow["inner"] <= 1, flow
        assert flow["fold"] <= flow["box"] + 1 and flow["box"] <= flow["page"], flow
    finally:
        pg.close()


def test_on_a_desktop_the_page_fits_the_window_and_the_examples_line_up_with_the_box(page):
    """At 1400x900 the page before a question was 928 px tall (it scrolled by 28 px), 940 px with a
    long sources panel, and the example questions sat ~12 px left of the question box above them."""
    open_page(page, article_server().url)
    page.locator(".qa-example").first.wait_for()
    page.wait_for_timeout(300)  # the load's updates (header, examples) have landed
    assert page.evaluate("document.scrollingElement.scrollHeight") <= 900
    box, chip = page.locator("#qa-question textarea").bounding_box(), page.locator(".qa-example").first.bounding_box()
    assert abs(chip["x"] - box["x"]) <= 1, (chip, box)
    ask(page, "What is Huawei's stock price?")  # refused, with a long panel of nearest passages
    page.wait_for_timeout(300)
    assert page.evaluate("(p => p.scrollHeight > p.clientHeight)(document.querySelector('#qa-sources'))")  # it scrolls in itself
    assert page.evaluate("document.scrollingElement.scrollHeight") <= 900


def test_example_button_asks(page):
    open_page(page, article_server().url)
    page.get_by_role("button", name=HUAWEI).click()
    page.locator('[data-testid="bot"] :is(.qa-answer, .qa-refusal)').first.wait_for(timeout=ANSWER_TIMEOUT)
    assert HUAWEI in page.locator('[data-testid="user"]').first.inner_text()


@pytest.mark.parametrize("question, flag", [
    ("<img src=x onerror=alert(1)>", None),
    ('<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>', "__xss"),
])
def test_question_markup_renders_as_text(page, question, flag):
    open_page(page, article_server().url)
    ask(page, question)
    assert question in page.locator('[data-testid="user"]').last.inner_text()
    assert page.locator('[data-testid="user"] img, [data-testid="user"] script').count() == 0
    if flag:
        assert page.evaluate(f"typeof window.{flag}") == "undefined"
    assert page.dialogs == []


def test_corpus_markup_renders_as_text(page):
    open_page(page, hostile_server().url)
    picker = page.locator("#qa-doc")
    # More than one document: the picker shows. Gradio fetches each component's code on its own,
    # so the dropdown can appear after the question box; wait for it rather than look once.
    picker.wait_for(state="visible", timeout=30_000)
    picker.locator("input").click()
    page.locator('#qa-doc [role="option"]', has_text=re.compile("zoo", re.I)).click()
    ask(page, "How many zebras were counted at the zoo?")
    sources = page.locator("#qa-sources")
    text = sources.inner_text()
    assert "<script>window.__xss2=2</script>" in text
    assert '<img src=x onerror="window.__xss2=3">' in text
    assert "${window.__xss3=1}" in text and "{{constructor.constructor(" in text
    assert page.locator("#qa-header, #qa-sources, #qa-doc, [data-testid='bot']").locator("script, img").count() == 0
    for flag in ("__xss2", "__xss3"):
        assert page.evaluate(f"typeof window.{flag}") == "undefined"
    assert page.dialogs == []


def test_a_question_typed_while_the_last_is_answered_is_kept(page):
    """The box is emptied in the browser when a question is sent: emptied by the answer's first
    update instead, what was typed in the tens of milliseconds before it arrived was lost."""
    open_page(page, article_server().url)
    ask(page, "What did Tencent introduce?")
    page.fill("#qa-question textarea", "What did Baidu showcase?")
    page.press("#qa-question textarea", "Enter")
    page.wait_for_timeout(30)
    page.fill("#qa-question textarea", "Which model")
    page.locator('[data-testid="bot"] :is(.qa-answer, .qa-refusal)').nth(1).wait_for(timeout=ANSWER_TIMEOUT)
    page.wait_for_timeout(300)  # any later update of the answer has landed too
    assert "What did Baidu showcase?" in page.locator('[data-testid="user"]').last.inner_text()
    assert page.input_value("#qa-question textarea") == "Which model"


def slow_link(pg, ms: int = 300) -> None:
    """Every request and response of the page delayed by `ms` (Chromium's network emulation)."""
    cdp = pg.context.new_cdp_session(pg)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": ms, "downloadThroughput": -1, "uploadThroughput": -1})


def test_on_a_slow_link_a_second_question_keeps_the_first_and_a_clear_sticks(page):
    """Two example questions clicked 0.3 s apart over a 300 ms link: the second carried a
    conversation without the first, and its answer wiped the first out. A clear clicked while an
    answer was on its way was undone when it arrived (qa/ui.py `Session`, PAGE_JS)."""
    open_page(page, article_server().url)
    ask(page, "What did Tencent introduce?")  # the engine is warm
    page.locator("#qa-clear").click()
    slow_link(page)
    for example in ("What system did Huawei launch", "Which model powers"):  # two example buttons
        page.locator(f"button:has-text('{example}')").first.click()
        page.wait_for_timeout(300)
    page.locator('[data-testid="bot"] :is(.qa-answer, .qa-refusal)').nth(1).wait_for(timeout=ANSWER_TIMEOUT)
    page.wait_for_timeout(2000)
    assert page.locator('#qa-chat [data-testid="user"]').count() == 2
    page.fill("#qa-question textarea", "Who makes the 910C?")
    page.press("#qa-question textarea", "Enter")
    page.wait_for_timeout(200)
    page.locator("#qa-clear").click()
    page.wait_for_timeout(4000)
    assert page.locator('#qa-chat [data-testid="user"]').count() == 0


# In the page: when Enter went down, and when the chat first showed each number of questions.
TIMES = """() => { window.qaT = {enter: [], shown: []};
  document.addEventListener('keydown', e => { if (e.key === 'Enter') window.qaT.enter.push(performance.now()); }, true);
  new MutationObserver(() => {
    const n = document.querySelectorAll('#qa-chat [data-testid="user"]').length;
    while (window.qaT.shown.length < n) window.qaT.shown.push(performance.now());
  }).observe(document.body, {subtree: true, childList: true}); }"""


def test_on_a_slow_link_a_question_shows_at_once(page):
    """Over 800 ms of latency the question showed only with its answer, 1.7 s after Enter: the
    page shows it at once (ECHO_JS), with Gradio's typing dots. A second question sent while the
    first is answered shows at once too (Gradio's trigger_mode "once" dropped it), and both are
    answered, in order."""
    open_page(page, article_server().url)
    ask(page, "What did Tencent introduce?")  # the engine is warm
    page.locator("#qa-clear").click()
    page.wait_for_function("document.querySelectorAll('#qa-chat [data-testid=\"user\"]').length === 0")
    page.evaluate(TIMES)
    slow_link(page, 800)
    second = "Which model powers Alibaba's glasses?"
    for n, question in enumerate((HUAWEI, second)):
        page.fill("#qa-question textarea", question)
        page.press("#qa-question textarea", "Enter")
        page.wait_for_timeout(300)  # the first answer is still on its way (two trips of 800 ms)
        times = page.evaluate("window.qaT")
        assert len(times["shown"]) == n + 1, f"{question!r} not in the chat 300 ms after Enter: {times}"
        assert times["shown"][n] - times["enter"][n] < 200, times
        assert page.locator("#qa-chat .pending").is_visible()  # the chat's typing dots
        assert page.input_value("#qa-question textarea") == ""
    page.locator('[data-testid="bot"] :is(.qa-answer, .qa-refusal)').nth(1).wait_for(timeout=ANSWER_TIMEOUT)
    page.wait_for_timeout(2000)  # nothing later changes it
    users = page.locator('#qa-chat [data-testid="user"]').all_inner_texts()
    bots = page.locator('#qa-chat [data-testid="bot"]').all_inner_texts()
    assert users == [HUAWEI, second], users
    assert len(bots) == 2 and "CloudMatrix 384" in bots[0] and "Qwen" in bots[1], bots
    assert page.locator("#qa-chat .qa-echo").count() == 0  # the page's echoes, replaced by the server's
    assert page.input_value("#qa-question textarea") == ""


# In the page, once a frame from now on: the questions the chat shows (the page's echoes too), how
# many of them are the server's copies, how many answers it shows, and whether something says an
# answer is coming (the chat's typing dots, the page's after an echo, the server's "Reading" note).
CHAT_FRAMES = """() => { window.qaC = [];
  const shown = s => [...document.querySelectorAll(s)].filter(e => e.checkVisibility());
  const dots = () => [...document.querySelectorAll('#qa-chat .message-wrap')]
    .filter(w => w.checkVisibility() && getComputedStyle(w, '::after').content !== 'none').length;
  const frame = () => { window.qaC.push({t: performance.now(),
      users: shown('#qa-chat [data-testid="user"]').map(e => e.innerText.trim()),
      server: document.querySelectorAll('#qa-chat [data-testid="user"] .qa-user:not(.qa-echo)').length,
      answers: shown('#qa-chat [data-testid="bot"] :is(.qa-answer, .qa-refusal)').length,
      waiting: shown('#qa-chat .pending, #qa-chat .qa-pending').length + dots()});
    requestAnimationFrame(frame); };
  requestAnimationFrame(frame); }"""


def test_on_a_slow_link_a_question_sent_as_the_last_answer_lands_stays_in_the_chat(page):
    """Over 800 ms of latency a question sent after the previous answer had left the server, but
    before it arrived, vanished from the chat when that answer landed (the server's chat did not
    hold it yet) until its own first update came, ~1 s later; and once it was back, the chat's
    typing dots were not (Gradio ends the event's loading state with the first answer). The page
    puts its echo back (REECHO_JS), with typing dots of its own."""
    open_page(page, article_server().url)
    ask(page, "What did Tencent introduce?")  # the engine is warm
    page.locator("#qa-clear").click()
    page.wait_for_function("document.querySelectorAll('#qa-chat [data-testid=\"user\"]').length === 0")
    slow_link(page, 800)
    page.evaluate(CHAT_FRAMES)
    page.fill("#qa-question textarea", HUAWEI)
    page.press("#qa-question textarea", "Enter")
    page.wait_for_timeout(1200)  # answered, and on its way (it lands ~1.6-1.7 s after Enter)
    second = "What did Baidu showcase?"
    page.fill("#qa-question textarea", second)
    sent = page.evaluate("performance.now()")
    page.press("#qa-question textarea", "Enter")
    page.locator('[data-testid="bot"] :is(.qa-answer, .qa-refusal)').nth(1).wait_for(timeout=ANSWER_TIMEOUT)
    page.wait_for_timeout(300)
    frames = [f for f in page.evaluate("window.qaC") if f["t"] > sent + 100]
    # the case: the first answer shown while the server's chat did not hold the second question
    assert [f for f in frames if f["answers"] == 1 and f["server"] == 1], "nothing was tested"
    gone = [f for f in frames if second not in f["users"]]
    assert not gone, f"{second!r} missing from the chat in {len(gone)} frames, {gone[0]}"
    quiet = [f for f in frames if f["answers"] < 2 and not f["waiting"]]
    assert not quiet, f"no sign of an answer coming in {len(quiet)} frames, {quiet[0]}"
    assert frames[-1]["users"] == [HUAWEI, second] and frames[-1]["server"] == 2, frames[-1]
    assert frames[-1]["waiting"] == 0 and page.locator("#qa-chat .qa-echo").count() == 0


# In the page, from the first click on "Clear conversation" on, once a frame: how much of the
# conversation is shown (messages, typing dots, source cards), whether the server's copy of a
# question (not the page's echo) is in the chat, shown or not, and what the chat's progress
# indicator (Gradio's status tracker: an elapsed time) says.
CLEAR_FRAMES = """() => { window.qaF = {click: null, frames: []};
  const shown = s => [...document.querySelectorAll(s)].filter(e => e.checkVisibility()).length;
  document.addEventListener('click', e => {
    if (!window.qaF.click && e.target.closest('#qa-clear')) window.qaF.click = performance.now(); }, true);
  const frame = () => { const f = window.qaF;
    if (f.click) f.frames.push({t: performance.now() - f.click,
      shown: shown('#qa-chat [data-testid="user"], #qa-chat [data-testid="bot"], #qa-chat .pending, #qa-sources .qa-source'),
      landed: document.querySelectorAll('#qa-chat [data-testid="user"] .qa-user:not(.qa-echo)').length,
      progress: [...document.querySelectorAll('#qa-chat [data-testid="status-tracker"]')]
        .filter(e => e.checkVisibility()).map(e => e.innerText.trim()).join('')});
    requestAnimationFrame(frame); };
  requestAnimationFrame(frame); }"""


def test_on_a_slow_link_clear_empties_the_page_at_once_and_the_answer_on_its_way_stays_out(page):
    """Over 800 ms of latency "Clear conversation" emptied the chat and the sources only with the
    server's reply (~0.9 s), and an answer already on its way came back for another round trip.
    The page empties them at once (CLEAR_JS), and the answer landing after the clear is never
    shown (PAGE_JS); the next question is answered as usual, in a conversation of its own."""
    frames = clear_during_an_answer(page, typing="half a question", settle_ms=3000)
    emptied = next((f["t"] for f in frames if not f["shown"]), None)
    assert emptied is not None and emptied < 200, frames[:5]
    after = [f for f in frames if f["t"] >= emptied]
    assert any(f["landed"] for f in after), "no answer landed after the clear: nothing was tested"
    assert not [f for f in after if f["shown"]], [f for f in after if f["shown"]][:5]
    assert page.locator("#qa-sources .qa-empty").is_visible()
    assert page.input_value("#qa-question textarea") == ""
    ask(page, HUAWEI)
    page.wait_for_timeout(1000)  # nothing later changes it
    assert page.locator('#qa-chat [data-testid="user"]').all_inner_texts() == [HUAWEI]
    assert "CloudMatrix 384" in page.locator('#qa-chat [data-testid="bot"]').inner_text()
    # the first answer of a new conversation: no earlier answers folded under it
    assert page.locator("#qa-sources #qa-t1-c1").count() == 1 and page.locator("#qa-sources .qa-earlier").count() == 0

def clear_during_an_answer(pg, typing: str = "", settle_ms: int = 500) -> list[dict]:
    """Over 800 ms of latency: a question, "Clear conversation" 300 ms later (its answer is on its
    way, and Gradio has not had its event id back yet; ``typing`` is in the box by then), until
    that answer has landed and ``settle_ms`` more; the frames from the click on (CLEAR_FRAMES)."""
    open_page(pg, article_server().url)
    ask(pg, "What did Tencent introduce?")  # the engine is warm, and a conversation to clear
    slow_link(pg, 800)
    pg.evaluate(CLEAR_FRAMES)
    pg.fill("#qa-question textarea", "Who makes the 910C?")
    pg.press("#qa-question textarea", "Enter")
    pg.wait_for_timeout(300)  # answered by now, and on its way (two trips of 800 ms)
    if typing:
        pg.fill("#qa-question textarea", typing)
    pg.locator("#qa-clear").click()
    pg.wait_for_function("window.qaF.frames.some(f => f.landed)", timeout=10_000)
    pg.wait_for_timeout(settle_ms)  # the frames after it, and any request it makes
    return pg.evaluate("window.qaF.frames")


def test_after_clear_the_question_box_has_the_focus(page):
    """Clear left the focus on its button, under the examples: the next question needed a click
    into the box first. On a wide screen the box takes it, as after a question."""
    open_page(page, article_server().url)
    ask(page, HUAWEI)
    page.click("#qa-clear")
    page.wait_for_timeout(300)
    assert page.evaluate("document.activeElement === document.querySelector('#qa-question textarea')")
    assert page.locator('#qa-chat [data-testid="bot"]').count() == 0


def test_a_clear_during_an_answer_makes_no_failing_request(page):
    """Each Clear during an answer logged two HTTP 422s in the console: Gradio's cancel and reset
    of the answer, sent with a null event id when the question had left less than a round trip
    before. No cancel is sent now; the server drops the answer (`Page.clear`, told which clear it
    is), and the one already on its way is not shown."""
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    frames = clear_during_an_answer(page)
    assert errors == []
    assert not [f for f in frames if f["t"] > 200 and f["shown"]]


def test_a_clear_during_an_answer_leaves_no_elapsed_time_in_the_chat(page):
    """After a Clear during an answer, Gradio's elapsed time of that answer ("0.5s", "1.6s") stayed
    in the emptied chat until the dropped answer landed, ~1.3 s at 800 ms of latency. It is hidden
    until that answer's loading ends, and the next question's shows."""
    frames = clear_during_an_answer(page)
    timed = [f for f in frames if f["t"] > 100 and f["progress"]]
    assert not timed, f"an elapsed time in the emptied chat in {len(timed)} frames, {timed[0]}"
    page.fill("#qa-question textarea", HUAWEI)
    page.press("#qa-question textarea", "Enter")
    tracker = page.locator('#qa-chat [data-testid="status-tracker"]')
    page.wait_for_timeout(500)  # its answer is on its way (two trips of 800 ms)
    assert re.fullmatch(r"\d+(\.\d)?s", tracker.inner_text().strip()), tracker.inner_text()


def test_an_empty_question_is_not_sent_and_a_hint_says_so(page):
    """Enter or Ask with an empty box did nothing visible (and cost a round trip): a hint says
    to type a question and the box takes the focus. A double click on an example asks it once."""
    open_page(page, article_server().url)
    sent = []
    page.on("request", lambda r: sent.append(r.url) if "/queue/join" in r.url else None)
    hint = page.locator("#qa-hint")
    page.fill("#qa-question textarea", "   ")
    page.press("#qa-question textarea", "Enter")
    hint.wait_for(state="visible", timeout=2000)
    assert "Type a question" in hint.inner_text()
    page.type("#qa-question textarea", "W")  # typing puts the hint away
    assert hint.inner_text() == ""
    page.fill("#qa-question textarea", "")
    page.locator("#qa-sources").click()  # the focus away from the box
    page.click("#qa-ask")
    assert "Type a question" in hint.inner_text()
    assert page.evaluate("document.activeElement === document.querySelector('#qa-question textarea')")
    page.wait_for_timeout(500)
    assert sent == [] and page.locator('#qa-chat [data-testid="user"]').count() == 0
    page.get_by_role("button", name=HUAWEI).dblclick()
    page.locator('[data-testid="bot"] :is(.qa-answer, .qa-refusal)').first.wait_for(timeout=ANSWER_TIMEOUT)
    page.wait_for_timeout(1000)
    assert page.locator('#qa-chat [data-testid="user"]').count() == 1 and len(sent) == 1, sent


# In the page: each text the hint by the question box shows.
HINTS = """() => { window.qaH = [];
  new MutationObserver(() => { const h = document.getElementById('qa-hint');
    if (h && h.textContent && window.qaH[window.qaH.length - 1] !== h.textContent) window.qaH.push(h.textContent); })
    .observe(document.body, {subtree: true, childList: true, characterData: true}); }"""


def test_a_second_enter_right_after_a_question_is_not_taken_for_an_empty_one(page):
    """A double Enter after typing a question sent it, and the second Enter, on the box the first
    had just emptied, showed "Type a question first." as if nothing had been sent. Within a second
    of a question going it does nothing; later, on an empty box, the hint shows as before."""
    open_page(page, article_server().url)
    sent = []
    page.on("request", lambda r: sent.append(r.url) if "/queue/join" in r.url else None)
    page.evaluate(HINTS)
    page.fill("#qa-question textarea", HUAWEI)
    page.press("#qa-question textarea", "Enter")
    page.press("#qa-question textarea", "Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("window.qaH") == []
    page.locator('[data-testid="bot"] :is(.qa-answer, .qa-refusal)').first.wait_for(timeout=ANSWER_TIMEOUT)
    page.wait_for_timeout(1000)
    assert len(sent) == 1 and page.locator('#qa-chat [data-testid="user"]').count() == 1, sent
    page.press("#qa-question textarea", "Enter")
    assert page.evaluate("window.qaH") == ["Type a question first."]


def test_messages_are_labelled_by_their_text_and_the_box_shows_its_focus(page):
    open_page(page, article_server().url)
    ask(page, HUAWEI)
    page.wait_for_timeout(300)  # the labels are set on the next animation frame
    labels = page.locator("#qa-chat [aria-label]").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    spoken = [x for x in labels if x.startswith(("Question:", "Answer:"))]
    assert len(spoken) == 2 and "CloudMatrix 384" in spoken[1], labels
    assert not [x for x in labels if "<" in x], labels  # Gradio's default: the message's raw HTML
    page.focus("#qa-question textarea")
    assert page.locator("#qa-question textarea").evaluate("e => getComputedStyle(e).outlineStyle") != "none"


def test_a_marker_beside_its_panel_scrolls_the_panel_not_the_page(browser):
    pg = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        open_page(pg, article_server().url)
        ask(pg, "Which chipmakers are mentioned?")
        ask(pg, "What did Alibaba and Tencent each launch?", 2)
        marker = pg.locator('[data-testid="bot"]').last.locator("a.qa-marker").last
        target = marker.get_attribute("href")[1:]
        before = pg.evaluate("window.scrollY")
        marker.click()
        pg.wait_for_timeout(800)  # the panel scrolls smoothly
        assert pg.evaluate("window.scrollY") == before
        assert urlparse(pg.url).fragment == target
        assert pg.evaluate("document.activeElement.id") == target  # a screen reader reads the passage next
        box = pg.locator(f"#{target}").bounding_box()
        assert box and 0 <= box["y"] < 720, box
        pg.click("#qa-clear")
        pg.wait_for_function("document.querySelectorAll('[data-testid=\"bot\"]').length === 0")
        assert urlparse(pg.url).fragment == ""  # new answers reuse the ids
    finally:
        pg.close()


def test_small_talk_leaves_the_last_answers_sources_in_the_panel(page):
    open_page(page, article_server().url)
    ask(page, HUAWEI)
    page.fill("#qa-question textarea", "thanks")
    page.press("#qa-question textarea", "Enter")
    page.locator('[data-testid="bot"] .qa-chat').first.wait_for(timeout=ANSWER_TIMEOUT)
    page.wait_for_timeout(300)
    assert "CloudMatrix 384" in page.locator("#qa-sources mark.qa-hl").first.inner_text()


def test_a_marker_whose_sources_are_no_longer_kept_says_so(page):
    open_page(page, article_server().url)
    questions = ["What did Tencent introduce?", "What did Alibaba unveil?", "Where was the conference?",
                 "Who is Zhao Lidong?", "What does Metax's supernode feature?", "What can the AI cloning tool copy?",
                 "How many chips does the CloudMatrix use?", "Which firm is sanctioned?", "When does the conference end?",
                 "What did Baidu showcase?", "What is the Quark AI Glasses' model?", "Who reported the alliances?"]
    for n, question in enumerate(questions, 1):
        ask(page, question, n)
    first = page.locator('[data-testid="bot"]').first.locator("a.qa-marker").first
    first.click()
    assert "qa-gone" in first.get_attribute("class")
    assert "no longer shown" in first.get_attribute("title")
    last = page.locator('[data-testid="bot"]').last.locator("a.qa-marker").first
    last.click()  # a recent one still leads to its passage
    assert "qa-gone" not in last.get_attribute("class")


def test_a_question_the_stopped_server_never_got_comes_back_to_the_box(page):
    server = _start("stopped", {})
    try:
        open_page(page, server.url)
        page.wait_for_timeout(500)
        server.proc.kill()
        server.proc.wait(10)
        page.fill("#qa-question textarea", "What did Huawei launch?")
        page.press("#qa-question textarea", "Enter")
        page.locator("#qa-status .qa-disconnected").wait_for(timeout=30_000)
        page.wait_for_function("document.querySelector('#qa-question textarea').value === 'What did Huawei launch?'",
                               timeout=10_000)
        assert "Disconnected" in page.locator("#qa-status").inner_text()
        # the page's echo of it is gone from the chat: the question is in the box again
        assert not [u for u in page.locator('#qa-chat [data-testid="user"]').all() if u.is_visible()]
    finally:
        _servers.pop("stopped").stop()


def test_a_question_in_the_box_outlives_a_reload(page):
    """Gradio reloads the page when its server is back: a question waiting in the box stays."""
    open_page(page, article_server().url)
    page.fill("#qa-question textarea", "Which model powers it?")
    page.reload()
    page.wait_for_function("document.querySelector('#qa-question textarea')?.value === 'Which model powers it?'",
                           timeout=30_000)
    assert page.evaluate("sessionStorage.getItem('qa-unsent')") is None
    page.fill("#qa-question textarea", "")  # an emptied box stays empty
    page.reload()
    page.wait_for_selector("#qa-question textarea")
    page.wait_for_timeout(500)
    assert page.input_value("#qa-question textarea") == ""


# What the page's own words say before a question, by the browser's language: the header's title,
# the status line once ready, the buttons, the question box's and the chat's placeholders, the
# empty sources panel, the hint on an empty Enter.
FRAME = {
    "es-ES": ("Pregunta al artículo", "Listo · 1 documento", "Borrar la conversación", "Preguntar",
              "Pregunta sobre el artículo", "Haz una pregunta sobre el artículo o elige un ejemplo de abajo.",
              "Haz una pregunta: aquí aparecerán", "Escribe primero una pregunta."),
    "zh-CN": ("向文章提问", "就绪 · 1 篇文档", "清空对话", "提问", "就这篇文章提问", "就这篇文章提个问题，或从下面选一个示例。",
              "提个问题：回答所依据的句子", "请先输入问题。"),
    "en-US": ("Ask the article", "Ready · 1 document", "Clear conversation", "Ask", "Ask about the article",
              "Ask a question about the article, or pick an example below.", "Ask a question: the sentences",
              "Type a question first."),
}
# In the page, from before it is drawn: each text the header's title shows while it is visible,
# read at each change and each frame (the page is shown by a style, which no change reports)
TITLES_SEEN = """window.qaTitles = [];
  const seen = () => { const h = document.querySelector('#qa-header h1');
    const t = h && h.checkVisibility({visibilityProperty: true}) ? h.textContent.trim() : null;
    if (t && window.qaTitles[window.qaTitles.length - 1] !== t) window.qaTitles.push(t); };
  new MutationObserver(seen).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
  const frame = () => { seen(); if (performance.now() < 15000) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);"""


@pytest.mark.parametrize("locale", list(FRAME))
def test_the_pages_frame_is_in_the_browsers_language(browser, locale):
    """A Spanish or Chinese browser got an English page until its visitor asked: the frame
    (header, status line, buttons, placeholders, empty panel, the hint by the box) is in the
    browser's language from the start (no English draft shows first), and stays in it after an
    answer and a clear; the answer's own words follow its question (English here)."""
    title, ready, clear, ask_word, box, chat, empty, hint = FRAME[locale]
    ctx = browser.new_context(locale=locale, viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    hosts = set()
    pg.on("request", lambda r: hosts.add(network_host(r.url)))
    pg.add_init_script(TITLES_SEEN)
    try:
        open_page(pg, article_server().url)
        pg.wait_for_selector(".qa-status.qa-ready", timeout=ANSWER_TIMEOUT)
        assert pg.locator("#qa-header h1").inner_text().strip() == title and pg.title() == title
        assert pg.evaluate("window.qaTitles") == [title]
        assert pg.locator("#qa-status").inner_text().strip().startswith(ready)
        assert pg.locator("#qa-clear").inner_text().strip() == clear
        assert pg.locator("#qa-ask").inner_text().strip() == ask_word
        assert pg.get_attribute("#qa-question textarea", "placeholder") == box
        assert chat in pg.locator("#qa-chat").inner_text()
        assert pg.locator("#qa-sources .qa-empty").inner_text().strip().startswith(empty)
        pg.press("#qa-question textarea", "Enter")
        assert pg.locator("#qa-hint").inner_text() == hint
        ask(pg, "What did Tencent introduce?")
        assert "From " in pg.locator('[data-testid="bot"]').last.inner_text()  # the question's language
        pg.wait_for_timeout(300)
        assert pg.locator("#qa-status").inner_text().strip().startswith(ready)
        pg.click("#qa-clear")
        pg.wait_for_function("document.querySelectorAll('[data-testid=\"bot\"]').length === 0")
        assert pg.locator("#qa-sources .qa-empty").inner_text().strip().startswith(empty)
    finally:
        ctx.close()
    assert hosts <= LOCAL, f"requests left the machine: {hosts - LOCAL}"


def test_a_window_between_gradios_widths_is_used_whole(browser):
    """Gradio sizes the page in steps (640, 768, 1,024, 1,280 px): a 900 px window got the 768 px
    page between 66 px margins and a 368 px chat, narrower than at 1,024 (the fourth audit). The
    page is as wide as the window now, up to 1,280."""
    for width, page_width in ((900, 900), (1200, 1200), (1600, 1280)):
        pg = browser.new_page(viewport={"width": width, "height": 900})
        try:
            open_page(pg, article_server().url)
            got = pg.evaluate("() => [document.querySelector('.main.app').getBoundingClientRect().width,"
                              " document.querySelector('#qa-chat').getBoundingClientRect().width]")
            assert got[0] == page_width and got[1] > 0.5 * (page_width - 64), (width, got)
        finally:
            pg.close()


# In the page: the latest refusal's height, whether its list of passages shows, the chat's height,
# and how many nearest passages the panel highlights
REFUSAL_SHOWN = """() => { const r = [...document.querySelectorAll('#qa-chat .qa-refusal')].pop(), l = r.querySelector('.qa-cited');
  return {height: r.getBoundingClientRect().height, listed: !!(l && l.offsetParent),
          chat: document.querySelector('#qa-chat').getBoundingClientRect().height,
          panel: document.querySelectorAll('#qa-sources .qa-nearest mark.qa-hl').length}; }"""


def test_on_a_phone_a_refusal_points_to_its_nearest_passages_below(browser):
    """A refusal listed its three nearest passages in the chat and again as cards in the panel just
    below it: 630 px in a 405 px chat on a phone (the fourth audit). There the chat says the verdict
    and the way down; a wide screen, whose panel is beside the chat, keeps the list."""
    for viewport, phone in (({"width": 390, "height": 844}, True), ({"width": 1366, "height": 900}, False)):
        pg = browser.new_page(viewport=viewport, is_mobile=phone, has_touch=phone)
        try:
            open_page(pg, article_server().url)
            assert "doesn" in ask(pg, "What did Xiaomi announce at WAIC?").inner_text()
            got = pg.evaluate(REFUSAL_SHOWN)
            assert got["listed"] is not phone and got["panel"] >= 1, (viewport, got)
            assert not phone or got["height"] < got["chat"] / 2, got
        finally:
            pg.close()
