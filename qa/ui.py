"""The page: a chat over the Engine with a sources panel that highlights the cited sentences.

Gradio is imported first and the server started before the engine loads (torch and the model
cost ~10 s): the page is served at once, says it is warming up, and answers when ready.
The UI only formats Answers (qa.render); it never retrieves or scores. The page's own words (its
frame) are in the visitor's language, one of render.WORDS' (English, Spanish, Chinese, French,
German, Italian, Portuguese, Russian, Japanese, Korean: render.frame_language of the browser's);
an answer's follow its question's.

>>> serve("corpus", "index", port=7860)  # doctest: +SKIP
"""
from __future__ import annotations

import bisect
import json
import logging
import threading
from collections import OrderedDict

from . import render
from .corpus import load_corpus, titles_told_apart
from .engine import Engine, QuestionError
from .question import words_language
from .gradio_stubs import import_gradio
from .types import Citation, Document

gr = import_gradio()  # without its per-import stub rewriting: ~2 s sooner to the page
log = logging.getLogger(__name__)

# Questions written for the shipped article (by its document id), shown while it is in the
# corpus; any other corpus gets gist requests for its documents (see `examples_for`).
WRITTEN_EXAMPLES = {
    "2025-07-28-china-ai-alliances-waic": ("What system did Huawei launch at the conference?",
                                           "Which model powers Alibaba's glasses?", "腾讯发布了什么？",
                                           "What is Huawei's stock price?"),
}
MAX_EXAMPLES = 5


def examples_for(docs: list[Document], picked: str | None = None) -> list[str]:
    """Example questions the corpus answers: the gist (of each of the first documents by title,
    when there are several), then questions written for a document here, if any; with a
    document picked, that document's."""
    if any(d.id == picked for d in docs):
        return (["What is this article about?", *WRITTEN_EXAMPLES.get(picked, ())])[:MAX_EXAMPLES]
    if len(docs) <= 1:
        out = ["What is this article about?"] if docs else []
    else:  # a title two documents share names neither: the file name does
        told = titles_told_apart(docs)
        out = [f"What is the {told[d.id] if told[d.id] == d.title else d.id} article about?" for d in docs[:2]]
    for d in docs:
        out += WRITTEN_EXAMPLES.get(d.id, ())
    return out[:MAX_EXAMPLES]

# The words of the page's controls (labels, placeholders, buttons) in each language of render.WORDS,
# translated by Gradio in the browser (`launch(i18n=...)`): in the visitor's language from the first
# paint. Gradio picks the language from navigator.language among the locales it ships ("es", "zh-CN",
# "zh-TW", "pt-BR", "fr", ...; "zh" here serves both Chinese ones, "pt" both Portuguese ones);
# `Page.load` sends the same words for the rest (Italian, which Gradio does not ship; "zh-HK").
I18N_WORDS = ("ask", "clear", "your_question", "conversation", "sources", "search_in",
              "box_article", "box_documents", "chat_article", "chat_documents")
I18N = gr.I18n(**{lang: {f"qa.{key}": w[key] for key in I18N_WORDS} for lang, w in render.WORDS.items()})
ENGINE_JOBS = "qa-engine"  # chat and /ask share one concurrency group (ENGINE_CONCURRENCY slots)
# The queue, set on purpose (see `launch`; tests/test_load.py runs 50 clients x 20 questions).
# A question costs ~45 ms of engine CPU, almost all of it in the two embedders, each of which
# runs one query at a time behind its own lock, plus ~15 ms of Gradio's. Two questions at a time
# let one embed with e5 while the other runs MiniLM or ranks, so two cores can both work
# (measured on a busy 2-core machine: 5-10% more answers/s than one at a time); four were no
# better than two (they only wait on the embedders' locks, and each extra slot is one more
# thread competing for the GIL). Everyone else waits in FIFO order.
ENGINE_CONCURRENCY = 2
EARLIER_PANELS = 10  # earlier answers whose sources the panel keeps (folded) for their markers
# At most this many waiting questions (~15-25 answers/s: the last waits ~10-20 s); beyond it a
# caller gets "queue is full" at once instead of an unbounded wait and unbounded memory.
QUEUE_MAX_SIZE = 256
# Queue positions go to waiting clients once a second, not after every finished job (Gradio's
# "auto" sends every waiting client an update per job: O(queue length) messages per answer).
QUEUE_STATUS_EVERY_S = 1.0
# Gradio's queue looks for new jobs every 1 ms when it has none (0.05 s on Windows): ~1,000
# wake-ups a second, 8-11% of a core here with nobody asking. Every 20 ms (its progress loop every
# 0.1 s) costs ~2%, and /ask answered in the same time (docs/performance.md, run AE).
QUEUE_POLL_S, QUEUE_PROGRESS_POLL_S = 0.02, 0.1

THEME = gr.themes.Soft(
    primary_hue="indigo", neutral_hue="slate",
    font=[gr.themes.Font("system-ui"), gr.themes.Font("-apple-system"), gr.themes.Font("Segoe UI"), "sans-serif"],
    font_mono=[gr.themes.Font("ui-monospace"), gr.themes.Font("SFMono-Regular"), gr.themes.Font("Menlo"), "monospace"],
).set(  # secondary text (subtitle, status, footers, nearest passages) readable: slate-600 is 7.6:1 on white
    body_text_color_subdued="*neutral_600", body_text_color_subdued_dark="*neutral_400",
    # Ask in indigo-600, darker on hover: the theme's indigo-500 is 4.47:1 under white text, and its
    # hover lightened it to indigo-400 (2.98:1), which read as disabled while the pointer rested on it
    button_primary_background_fill="*primary_600", button_primary_background_fill_hover="*primary_700",
    button_primary_border_color="*primary_600", button_primary_border_color_hover="*primary_700",
)
# The chat's height on a wide screen: what the window leaves it once the header, the question box,
# the examples and the footer (~410 px) are in view, so the page before a question fits without
# scrolling (at 1400x900 it was 928 px tall, min(520px, 62vh)); never under 320 px nor over 520 px.
CHAT_HEIGHT = "clamp(320px, calc(100vh - 420px), 520px)"
# Where the question box may take the focus by itself (a phone's would open its keyboard).
WIDE_SCREEN = "(min-width: 768px)"
# How many questions the server has shown in the chat (not the page's own echoes, see ECHO_JS;
# counted without :has(), which a browser that lacks it would throw on).
USERS = ("document.querySelectorAll('#qa-chat [data-testid=\"user\"]').length"
         " - document.querySelectorAll('#qa-chat [data-testid=\"user\"] .qa-echo').length")
# In the page's <head>, before Gradio draws the page: its language, as render.frame_language reads
# navigator.language (the tag `Page.load` is sent), on <html data-qa-lang>. Until `Page.load` has
# sent the header, the status line and the empty panel in it, a page in another language than
# English does not show their English first drafts (CSS .qa-unframed), only the room they take.
HEAD_JS = """{ const tag = (navigator.language || '').toLowerCase().split(/[-_]/)[0];
  window.qaLang = {LANGS}.includes(tag) ? tag : 'en'; document.documentElement.dataset.qaLang = window.qaLang; }""" \
    .replace("{LANGS}", json.dumps(list(render.WORDS)))
# Gradio draws the page a piece at a time as each component's code arrives: the sources panel first
# where the chat would be, then the chat, the box and the examples pushing it down (on a phone it
# jumped ~650 px in 150 ms; the layout-shift score was 0.40 on a phone and 0.78 on a desktop, where
# 0.1 is "good"). The page is shown once its last pieces are drawn and have settled (or after 3 s
# whatever happens), so it appears whole, where it will stay.
DRAWN_PIECES = ("#qa-question textarea", "#qa-chat", "#qa-sources", "#qa-examples", "#qa-tools")
SETTLE_MS = 120
REVEAL_HEAD = (
    "<style>html:not(.qa-drawn) gradio-app { visibility: hidden; animation: qa-reveal 0s 3s forwards; }"
    " @keyframes qa-reveal { to { visibility: visible; } }</style>"
    "<script>{ const drawn = () => " + " && ".join(f"document.querySelector('{s}')" for s in DRAWN_PIECES) + ";"
    " const show = () => document.documentElement.classList.add('qa-drawn');"
    " const watch = new MutationObserver(() => { if (drawn()) { watch.disconnect(); setTimeout(show, " + str(SETTLE_MS) + "); } });"
    " watch.observe(document, {childList: true, subtree: true}); }</script>")
# The page script's own words (PAGE_JS: the hint, the disconnected status, labels), in every language.
JS_WORDS = ("type_first", "disconnected", "gone", "question_label", "answer_label", "colon", "sources",
            "title_article", "title_documents")
# Runs once when the page loads (`launch`):
# - the page's language is the browser's (render.frame_language), as the server is told (`Page.load`):
#   the script's own words, and the page's title, are in it (window.qaLang, for CLEAR_JS too);
# - the question box gets the focus on a wide screen without scrolling the page (autofocus
#   scrolled a phone's view past the title and the status line, and opened its keyboard);
# - a marker's address left from before a reload is dropped (the conversation is not kept);
# - each chat message is labelled for screen readers by its text: Gradio labels it with its raw
#   HTML ("bot's message: <div class=...>"), which a reader would spell out;
# - a marker [n] beside its sources panel scrolls the panel only, and moves the focus to the
#   passage: following the link scrolled the whole window too, taking the header and the question
#   out of view. On a phone the panel is below the chat, and the link's own jump brings the
#   passage into view (so does the "See the source below ↓" link a phone shows under an answer,
#   render._below); an earlier answer's folded passage is opened first. A marker whose answer's
#   sources are no longer kept says so;
# - when the connection to the server is lost, a question sent but never received goes back in
#   the box, and the status line says the page is disconnected; what the box holds outlives a
#   reload (Gradio reloads the page once the server is back);
# - a new question or answer shows the newest question at the top of the chat, its answer under it
#   (not Gradio's autoscroll, which showed a long answer's end and hid its first line);
# - after "Clear conversation", an answer that was already on its way is not shown (see CLEAR_JS);
# - Enter or Ask with an empty box sends nothing and says why, by the box.
PAGE_JS = """() => {
  if (!window.qaLang) {HEAD_JS}
  const words = {WORDS}[window.qaLang];
  // Gradio's <html lang> is its own locale's: "en" for a "zh-HK" browser, whose page is Chinese here
  if (!document.documentElement.lang.toLowerCase().startsWith(window.qaLang)) {
    document.documentElement.lang = window.qaLang === 'zh' ? 'zh-Hans' : window.qaLang;
  }
  const title = {TITLES}[document.title];  // Gradio's <title>, set once from the Blocks'
  if (title) document.title = words[title];
  const box = () => document.querySelector('#qa-question textarea');
  // a question in the box outlives a reload (Gradio reloads the page when the server is back)
  const unsent = sessionStorage.getItem('qa-unsent');
  sessionStorage.removeItem('qa-unsent');
  if (unsent && box()) { box().value = unsent; box().dispatchEvent(new Event('input', {bubbles: true})); }
  window.addEventListener('pagehide', () => { const b = box(); if (b && b.value.trim()) sessionStorage.setItem('qa-unsent', b.value); });
  if (box() && window.matchMedia('{WIDE}').matches) box().focus({preventScroll: true});
  if (/^#qa-t\\d+-c\\d+$/.test(location.hash)) history.replaceState(null, '', location.pathname + location.search);
  const panel = document.getElementById('qa-sources');
  if (panel) { panel.setAttribute('role', 'region'); panel.setAttribute('aria-label', words.sources); }
  const users = () => {USERS};
  // After a clear (CLEAR_JS) the page keeps the questions sent since, until the chat shows the
  // server's conversation since the clear: an answer already on its way lands after the clear
  // with the old one (the server has dropped it since), which has more questions than were sent
  // since, or ends with one that was not. Hidden before it is painted (this observer runs before
  // the next frame; CSS .qa-stale), and cleared again by `check` if no question was sent since.
  // a question by its letters and digits: the server's copy is escaped, and shortened when long
  const plain = t => String(t).replace(/[^\\p{L}\\p{N}]+/gu, '').slice(0, 80);
  // the server's questions in the chat (their text, oldest first) are from before the clear;
  // asked of the chat shown here, and of the chat's value by ECHO_JS and REECHO_JS (`qaHeld`)
  window.qaStale = shown => {
    const since = window.qaSince;
    if (!since || !shown.length) return false;
    if (shown.length <= since.length && since.map(plain).includes(plain(shown[shown.length - 1]))) {
      window.qaSince = null;  // the server's: nothing stale comes after it
      return false;
    }
    return true;
  };
  const stale = () => window.qaStale([...document.querySelectorAll('#qa-chat [data-testid="user"] .qa-user:not(.qa-echo)')]
    .map(e => e.textContent));
  // how many of the server's questions a chat's value holds: none in a stale one, and the page's
  // echoes are not the server's (a message's HTML read as text by DOMParser, which runs nothing)
  const html = m => [].concat(m && m.content).map(c => (c && c.text) || (typeof c === 'string' ? c : '')).join('');
  window.qaEcho = m => /^<div class="qa-echo /.test(html(m));
  window.qaHeld = chat => {
    const questions = (chat || []).filter(m => m && m.role === 'user' && !window.qaEcho(m))
      .map(m => new DOMParser().parseFromString(html(m), 'text/html').body.textContent);
    return window.qaStale(questions) ? 0 : questions.length;
  };
  const check = () => {
    document.querySelectorAll('#qa-chat [aria-label*="s message: <"]').forEach(el => {
      const who = words[el.getAttribute('aria-label').startsWith('user') ? 'question_label' : 'answer_label'];
      // a space after a colon (": ", French " :"), none after a full-width one ("：")
      el.setAttribute('aria-label', who + words.colon + (words.colon.endsWith('：') ? '' : ' ') +
        el.innerText.replace(/\\s+/g, ' ').trim());
    });
    const hidden = document.body.classList.contains('qa-stale');
    const sent = window.qaSent;
    if (sent && users() > sent.users && !hidden) window.qaSent = null;
    follow();
    if (hidden && window.qaSince && !window.qaSince.length && (window.qaReclears || 0) < 3) {
      window.qaReclears = (window.qaReclears || 0) + 1;
      const clear = document.querySelector('#qa-clear');
      window.qaReclearing = true;  // the page's own clear: what the user is typing stays (CLEAR_JS)
      if (clear) clear.click();
    }
    // each "connection lost" notice once: one still shown after the server is back and has
    // answered again must not turn the status line back to disconnected
    const lost = [...document.querySelectorAll('[data-testid="toast-body"]')]
      .filter(t => !t.dataset.qaSeen && /connection/i.test(t.textContent));
    lost.forEach(t => { t.dataset.qaSeen = '1'; });
    if (lost.length) {
      const status = document.querySelector('#qa-status .qa-status');
      if (status) status.outerHTML = '<div class="qa-status qa-failed qa-disconnected"><span class="qa-dot"></span>' +
        words.disconnected + '</div>';
      document.body.classList.add('qa-offline');  // hides the echo of a question never received
      const b = box();
      if (window.qaSent && b && !b.value) {
        b.value = window.qaSent.text; b.dispatchEvent(new Event('input', {bubbles: true}));
      }
      window.qaSent = null;
    }
  };
  // A new question or answer: the newest question at the top of the chat, with as much of its
  // answer as fits under it (Gradio's autoscroll showed an answer's end: on a phone a refusal's
  // verdict, "The article doesn't say", was above the view, and its nearest passages below looked
  // like an answer). A short answer ends the chat as before. Nothing moves while the user reads.
  let followed = '';
  const follow = () => {
    const wrap = document.querySelector('#qa-chat .bubble-wrap');
    if (!wrap) return;
    const shown = [...wrap.querySelectorAll('[data-testid="user"], [data-testid="bot"]')].filter(e => e.offsetParent);
    const last = shown[shown.length - 1];
    const key = shown.length + ':' + (last ? last.textContent.length : 0);
    if (key === followed) return;
    followed = key;
    const asked = shown.filter(e => e.dataset.testid === 'user').pop();
    const end = wrap.scrollHeight - wrap.clientHeight;
    const top = asked ? wrap.scrollTop + asked.getBoundingClientRect().top - wrap.getBoundingClientRect().top - 8 : end;
    wrap.scrollTo({top: Math.max(0, Math.min(end, top))});
  };
  let queued = false;
  // the chat's elapsed time of an answer dropped by a clear stays hidden until that answer's
  // loading ends (Gradio showed it until the answer landed: ~1.1 s at 800 ms of latency; CLEAR_JS)
  const busy = () => document.querySelector('#qa-chat > [data-testid="status-tracker"]:not(.hide)');
  new MutationObserver(() => {
    if (window.qaSince) document.body.classList.toggle('qa-stale', stale());
    if (document.body.classList.contains('qa-cleared') && !busy()) document.body.classList.remove('qa-cleared');
    if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; check(); }); } })
    .observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label']});
  // Enter or Ask with an empty box sends nothing (it cost a round trip and showed nothing): a
  // hint by the box says why (read out: role status), and the box takes the focus. The second
  // click of a double click on Ask or an example is not a second question. Nor is a second Enter
  // (or Ask) within a second of a question going: the box is empty because it went, and the hint
  // showed on a double Enter as if nothing had been sent.
  const hint = text => {
    let h = document.getElementById('qa-hint');
    const row = document.getElementById('qa-ask-row');  // the box's own block clips what overflows it
    if (!h && row) {
      h = document.createElement('p'); h.id = 'qa-hint'; h.setAttribute('role', 'status'); row.appendChild(h);
    }
    if (h) h.textContent = text;
  };
  hint('');
  const guard = e => {
    const b = box();
    const button = e.type === 'click' && e.target.closest ? e.target.closest('#qa-ask, .qa-example') : null;
    if (button && e.detail > 1) { e.stopPropagation(); return; }
    const enter = e.type === 'keypress' && e.target === b && e.key === 'Enter' && !e.shiftKey;
    if (!b || !(enter || button)) return;
    const recent = performance.now() - (window.qaAskedAt ?? -Infinity) < 1000;
    if (b.value.trim() || button && button.id !== 'qa-ask') {
      // a second Enter before the box is emptied would send the same question twice
      if (enter && recent && b.value === window.qaAskedText) { e.preventDefault(); e.stopPropagation(); return; }
      window.qaAskedAt = performance.now(); window.qaAskedText = enter ? b.value : null; return;
    }
    e.preventDefault(); e.stopPropagation();
    if (recent) return;
    hint(words.type_first);
    b.focus();
    clearTimeout(window.qaHintTimer);
    window.qaHintTimer = setTimeout(() => hint(''), 4000);
  };
  document.addEventListener('keypress', guard, true);  // Gradio's textbox submits on keypress
  document.addEventListener('click', guard, true);
  document.addEventListener('input', e => { if (e.target === box()) hint(''); }, true);
  document.addEventListener('click', e => {
    const a = e.target.closest && e.target.closest('a.qa-marker, a.qa-below-link');
    if (!a) return;
    const target = document.getElementById(a.getAttribute('href').slice(1));
    if (!target) {
      e.preventDefault();
      a.classList.add('qa-gone');
      a.title = words.gone.replace('{kept}', '{KEPT}');
      return;
    }
    const fold = target.closest('details');  // an earlier answer's: opened (not every browser does it for a link)
    if (fold) fold.open = true;
    if (!panel || panel.getBoundingClientRect().left < a.getBoundingClientRect().right) return;
    e.preventDefault();
    history.replaceState(null, '', a.getAttribute('href'));
    document.querySelectorAll('.qa-target').forEach(x => x.classList.remove('qa-target'));
    target.classList.add('qa-target');
    target.setAttribute('tabindex', '-1');
    target.focus({preventScroll: true});
    const top = panel.scrollTop + target.getBoundingClientRect().top - panel.getBoundingClientRect().top - 8;
    panel.scrollTo({top: top, behavior: 'smooth'});
  });
}""".replace("{HEAD_JS}", HEAD_JS).replace("{KEPT}", str(EARLIER_PANELS + 1)).replace("{WIDE}", WIDE_SCREEN) \
    .replace("{USERS}", USERS) \
    .replace("{WORDS}", json.dumps({lang: {key: w[key] for key in JS_WORDS} for lang, w in render.WORDS.items()},
                                   ensure_ascii=False)) \
    .replace("{TITLES}", json.dumps({render.WORDS["en"][key]: key for key in ("title_article", "title_documents")}))
# Asking empties the box in the browser, at once: emptied by the answer's first update instead,
# a question typed in the tens of milliseconds before it arrived was lost or cut ("odel"). The
# question is kept aside until the chat shows it (see PAGE_JS), and the focus goes back to the
# box after a click on Ask or an example, on a wide screen. The page's echo of the question
# (ECHO_JS) is left out of the chat sent: the server adds the question itself. The number of clears
# the page has made goes with it (a question sent before a clear is not answered after it).
SEND_JS = """(...inputs) => { const box = document.querySelector('#qa-question textarea');
  const echo = m => [].concat(m && m.content).some(c => /^<div class="qa-echo /.test((c && c.text) || c || ''));
  inputs[1] = (inputs[1] || []).filter(m => !echo(m));
  inputs[6] = window.qaClears || 0;
  if (box) {
    window.qaSent = {text: inputs[0], users: {USERS}};
    if (window.qaSince && inputs[0] && inputs[0].trim()) window.qaSince.push(inputs[0]);
    window.qaReclears = 0;
    box.value = ''; box.dispatchEvent(new Event('input', {bubbles: true}));
    if (window.matchMedia('{WIDE}').matches) box.focus({preventScroll: true});
  }
  return inputs; }""".replace("{WIDE}", WIDE_SCREEN).replace("{USERS}", USERS)
# On a slow link a question showed only with the server's first update, a round trip after it was
# asked (1.7 s over 800 ms of latency), and the page looked as if it had ignored it. The page shows
# it at once, in a browser-only step before it is sent, and the chat's own typing dots follow it
# while the answer is pending; the server's updates replace it. Escaped as render.esc does (the
# sanitizer stays a second guard); marked qa-echo, so SEND_JS leaves it out of the chat it sends
# and PAGE_JS does not count it. Asked while the chat holds a stale answer (PAGE_JS), it shows after
# it: the stale messages stay hidden, the page's echoes do not (CSS .qa-stale).
ECHO_JS = """(question, chat) => {
  if (!question || !question.trim()) return [question, chat];
  const shown = question.length > {CHARS} ? question.slice(0, {CHARS}).trimEnd() + '…' : question;
  const html = shown.replace(/[\\u202a-\\u202e\\u2066-\\u2069]/g, '').replace(/\\r\\n|[\\r\\n]/g, ' ')
    .replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
  const echo = '<div class="qa-echo qa-user">' + html + '</div>';
  // kept until the server's chat holds it: its n-th question (REECHO_JS)
  const queued = window.qaQueued || [];
  const n = Math.max(window.qaHeld ? window.qaHeld(chat) : 0, ...queued.map(q => q.n)) + 1;
  window.qaQueued = [...queued, {n: n, html: echo}];
  const msg = (role, text) => ({role: role, content: [{type: 'text', text: text}], metadata: null, options: null});
  return [question, [...(chat || []), msg('user', echo)]];
}""".replace("{CHARS}", str(render.SHOWN_QUESTION_CHARS))
# A question sent after the previous answer had left the server, but before it arrived, vanished
# when it landed (the server's chat did not hold the question yet) until the question's own first
# update came, a round trip later (~1 s over 800 ms of latency). Whenever the chat changes, the
# page's echoes of the questions the server's chat does not hold yet (ECHO_JS) are put back at
# its end; nothing is sent (returns no update) when they are there.
REECHO_JS = """(chat) => {
  const queued = window.qaQueued;
  if (!queued || !queued.length || !window.qaHeld) return;
  chat = chat || [];
  const held = window.qaHeld(chat);
  window.qaQueued = queued.filter(q => q.n > held);
  const want = window.qaQueued.map(q => q.html);
  const text = m => [].concat(m.content).map(c => (c && c.text) || c).join('');
  if (JSON.stringify(chat.filter(window.qaEcho).map(text)) === JSON.stringify(want)) return;
  const msg = text => ({role: 'user', content: [{type: 'text', text: text}], metadata: null, options: null});
  return [[...chat.filter(m => !window.qaEcho(m)), ...want.map(msg)]];
}"""
# "Clear conversation" empties the chat, the sources panel and the box in the browser, at once:
# emptied by the server's reply, over 800 ms of latency they stayed ~0.9 s. The server is told
# next (`Page.clear`: it forgets the conversation and drops the answers it is making). The last
# marker's address goes too (new answers reuse its ids), and the page starts counting the
# questions sent since: an answer already on its way lands after the clear, and is not shown
# (PAGE_JS). A clear the page makes itself, when such an answer lands, leaves the box as it is:
# emptying it wiped a question being typed after the user's clear.
CLEAR_JS = """() => {
  history.replaceState(null, '', location.pathname + location.search);
  const own = window.qaReclearing; window.qaReclearing = false;
  window.qaClears = (window.qaClears || 0) + 1;  // sent with it, and with each question (Page.respond)
  document.body.classList.add('qa-cleared');  // no elapsed time in the emptied chat (PAGE_JS)
  const box = document.querySelector('#qa-question textarea');
  if (!own) { window.qaSince = []; window.qaSent = null; window.qaQueued = []; }
  // a new conversation starts in the box (the focus stayed on the button), on a wide screen (PAGE_JS)
  if (!own && box && window.matchMedia('{WIDE}').matches) setTimeout(() => box.focus({preventScroll: true}), 0);
  const empty = {EMPTY};  // in the page's language (PAGE_JS)
  return [[], empty[window.qaLang] || empty.en, own && box ? box.value : ''];
}""".replace("{EMPTY}", json.dumps({lang: render.empty_panel(lang) for lang in render.WORDS}, ensure_ascii=False)) \
    .replace("{WIDE}", WIDE_SCREEN)


class Warmup:
    """Loads the engine in a background thread and keeps a one-line status for the page
    (the latest progress message the engine logged, e.g. while the first run builds the index):
    ``message`` in English, `status_message` in the page's language."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.state, self.message = "idle", "Starting…"
        self.building = False  # the index is being (re)built: it takes longer
        self.detail: str | None = None  # the engine's latest progress line (English), if any
        self.detail_words: str | None = None  # its render.WORDS key, where the page has words for it
        self.error = ""  # why the engine failed to load
        self._started = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with self._started:
            if self._thread is None:
                self.state, self.message = "warming", "Warming up: loading the index and the model…"
                self._thread = threading.Thread(target=self._run, name="qa-warmup", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        handler = _ProgressHandler(self)
        qa_log = logging.getLogger("qa")
        qa_log.addHandler(handler)
        if qa_log.getEffectiveLevel() > logging.INFO:
            qa_log.setLevel(logging.INFO)
        try:
            self.engine.load()  # the index, built here on a first run: questions are answered from now
            # on, so the status goes on to what is left, never back to "Building the index" (the
            # fourth audit saw an answer arrive under it); what is left is reading the documents' words
            self.building, self.detail, self.detail_words = False, "", "reading_words"
            self.message = status_message(self, "en")
            self.engine.warm_up()
            self.state, self.message = "ready", ready_message(self.engine)
            log.info("engine ready")
        except Exception as exc:  # shown on the page; questions will retry the load
            log.exception("engine failed to load")
            self.error = str(exc)
            self.state, self.message = "failed", f"The engine failed to load: {exc}"
        finally:
            qa_log.removeHandler(handler)

    @property
    def ready(self) -> bool:
        return self.state == "ready"


def ready_message(engine: Engine, lang: str = "en") -> str:
    """The status line of a loaded engine, counted on the index it answers from now."""
    n, k = len(engine.documents), len(engine.index.sentences)
    return render.words(lang)["ready_one" if n == 1 else "ready_many"].format(
        n=render.number(n, lang), k=render.number(k, lang))


# an engine's progress line the page says in its own words (render.WORDS), by its logger
PROGRESS_WORDS = {"qa.embed": "loading_models"}  # "loading the minilm embedder": what it means to a reader


class _ProgressHandler(logging.Handler):
    """Copies the engine's INFO log lines (index building, embedding) into the page status."""

    def __init__(self, warmup: Warmup) -> None:
        super().__init__(logging.INFO)
        self.warmup = warmup

    def emit(self, record: logging.LogRecord) -> None:
        if self.warmup.state != "warming":
            return
        text = record.getMessage()
        if record.name == "qa.index" and ("building" in text or "embedding" in text or "updating" in text):
            self.warmup.building = True
        self.warmup.detail, self.warmup.detail_words = text, PROGRESS_WORDS.get(record.name)
        self.warmup.message = status_message(self.warmup, "en")


def status_message(warmup: Warmup, lang: str = "en") -> str:
    """The status line's words in the page's language: starting, warming up (the phase and, where
    the page has words for it or the page is in English, the engine's latest progress line: its
    log lines are English), ready with the counts, or failed with the engine's own reason."""
    w = render.words(lang)
    if warmup.ready:
        return ready_message(warmup.engine, lang)
    if warmup.state == "failed":
        return w["failed"].format(error=warmup.error)
    if warmup.state != "warming":
        return w["starting"]
    if warmup.detail is None:
        return w["warming_up"]
    phase = w["phase_building" if warmup.building else "phase_warming"]
    if warmup.detail_words:
        return w["progress"].format(phase=phase, detail=w[warmup.detail_words])
    return w["progress"].format(phase=phase, detail=warmup.detail) if lang == "en" else f"{phase}…"


def parse_history(history) -> list[str]:
    """History as a list of strings; a JSON-encoded list (from raw HTTP callers) is accepted too."""
    if history is None or history == "":
        return []
    if isinstance(history, str):
        try:
            history = json.loads(history)
        except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
            raise QuestionError("history must be a list of strings") from None
    if not isinstance(history, (list, tuple)) or not all(isinstance(h, str) for h in history):
        raise QuestionError("history must be a list of strings")
    return list(history)


SESSIONS_KEPT = 1_000  # open pages whose conversation the server keeps (the oldest goes first)
SESSION_WAIT_S = 30.0  # how long a question waits for the page's previous one before going on anyway


class Session:
    """One open page's conversation as the server last sent it (chat, questions asked, earlier
    sources), and how many times it was cleared. The page sends its state with each question, as
    it was when the question was sent: a second question sent before the first is answered (a
    slow link, a quick second click) carried a conversation without the first, and its answer
    wiped the first one out; a clear sent while a question was answered was undone when the
    answer came."""

    def __init__(self) -> None:
        self.turn = threading.Lock()  # one question of a page at a time, in the order sent
        self.state: tuple[list, list, list] | None = None
        self.clears = 0
        self._clearing = threading.Lock()

    def clear_to(self, n: int | None) -> None:
        """The page's n-th clear (the next one if n is None): the conversation is forgotten, once
        (a question sent after a clear may arrive before it, and applies it first)."""
        with self._clearing:
            n = self.clears + 1 if n is None else n
            if n > self.clears:
                self.state, self.clears = ([], [], []), n


class Sessions:
    def __init__(self, kept: int = SESSIONS_KEPT) -> None:
        self._lock = threading.Lock()
        self._by_id: OrderedDict[str, Session] = OrderedDict()
        self.kept = kept

    def of(self, request) -> Session | None:
        """The page's session (None outside a page: a direct call, a test)."""
        key = getattr(request, "session_hash", None)
        if not key:
            return None
        with self._lock:
            session = self._by_id.pop(key, None) or Session()
            self._by_id[key] = session
            while len(self._by_id) > self.kept:
                self._by_id.popitem(last=False)
        return session


class Page:
    """The callbacks of one app, sharing the engine and its warm-up."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.warmup = Warmup(engine)
        self.sessions = Sessions()
        self._docs: tuple[object, dict[str, Document]] | None = None  # (the index they are from, by id)

    def docs(self) -> dict[str, Document]:
        """The documents of the index the engine answers from now: after a corpus edit
        (Engine.follow_corpus) passages are drawn from the new text the offsets point into."""
        index = self.engine.index
        if self._docs is None or self._docs[0] is not index:
            self._docs = (index, {d.id: d for d in index.documents})
        return self._docs[1]

    # ---------------------------------------------------------------- API
    def ask_api(self, question: str, history: list[str] | None = None) -> dict:
        """Answer a question about the corpus. `history` holds the earlier questions of the
        conversation (oldest first) for follow-ups. Returns the contract's answer object
        {answer, answerable, confidence, citations[{doc, sentence, start, end, score}]},
        or {"error": "..."}."""
        return self.ask_document_api(question, history, None)

    def ask_document_api(self, question: str, history: list[str] | None = None, doc: str | None = None) -> dict:
        """As /ask, searching only the document whose id is `doc` (a separate endpoint: over raw
        HTTP every input must be sent, so a third one on /ask would break its callers)."""
        try:
            return self.engine.ask(question, parse_history(history), doc or None).contract()
        except QuestionError as exc:
            return {"error": str(exc)}
        except Exception as exc:
            log.exception("ask failed")
            return {"error": f"internal error: {type(exc).__name__}"}

    # ---------------------------------------------------------------- chat
    def respond(self, question: str, chat: list, asked: list[str], doc_id: str | None,
                panels: list | None = None, documents: list | None = None, request: gr.Request = None,
                cleared: float | None = None, frame: str | None = None):
        """`_respond` for the page's latest conversation, not the one the question was sent with
        (`Session`): questions of one page are answered one at a time, each added to what the
        server last showed, and an answer to a question sent before a clear is dropped.
        ``cleared`` is how many clears the page had made when it sent the question (SEND_JS): one
        that waited in Gradio's queue (a busy server) through a clear starts after it, and was
        answered into the new conversation (Gradio's cancel, which took it out of the queue, is
        gone: see `_wire`). ``frame`` is the page's language (`Page.load`): its header and status
        line come in it; the answer's words follow the question's."""
        lang = page_language(frame, request)
        session = self.sessions.of(request)
        if session is None:
            yield from self._respond(question, chat, asked, doc_id, panels, documents, lang)
            return
        clears, last = _count(cleared), None
        if clears is None:  # not said: the clears from now on drop it
            clears = session.clears
        session.clear_to(clears)  # sent after a clear that has not arrived yet
        if clears != session.clears:  # sent before a clear
            return
        waited = session.turn.acquire(timeout=SESSION_WAIT_S)  # a clear while it waits drops it too
        try:
            if session.state is not None:
                chat, asked, panels = session.state
            for last in self._respond(question, chat, asked, doc_id, panels, documents, lang):
                if session.clears != clears:  # cleared while this was answered
                    return
                yield last
            if last is not None and session.clears == clears:  # the answer, not the pending note
                session.state = (last[1], last[2], last[4])
        finally:
            if waited:
                session.turn.release()

    def _respond(self, question: str, chat: list, asked: list[str], doc_id: str | None,
                 panels: list | None = None, documents: list | None = None, lang: str = "en"):
        """Show the question at once, then the answer and its sources (a generator, so the
        user sees their message and a 'warming up' note while the engine loads). ``panels``
        holds the earlier answers' sources (turn, question, panel), newest first; with the
        answer come the header, the picker, the status line and the examples when the documents
        changed (see `follow`), in the page's language ``lang``."""
        panels = list(panels or [])
        unchanged = (gr.update(),) * 3 + (documents,) + _unchanged_examples()
        if not isinstance(question, str) or not question.strip():
            yield gr.update(), chat, asked, gr.update(), panels, *unchanged
            return
        chat = list(chat or []) + [_message("user", render.user_message(question, lang))]
        pending = _message("assistant", render.pending_message(not self.warmup.ready, words_language(question)))
        # the browser emptied the box; a conversation's first question empties the panel, where an
        # answer landing after a clear may have left the old one (hidden meanwhile: see PAGE_JS)
        empty = render.empty_panel(lang) if not asked else gr.update()
        yield gr.update(), chat + [pending], asked, empty, panels, *unchanged
        doc_id = doc_id or None
        reply, sources = self._answer(question, asked, doc_id, lang)
        gone = self._gone(doc_id, documents) if sources is None else None
        if gone:  # the picked document left the corpus since the page showed it: ask them all
            doc_id = None
            reply, sources = self._answer(question, asked, None, lang)
        if sources is None:  # not asked (too long, unknown document...): back in the box to edit,
            # and kept out of the follow-up history and the panel
            yield question, chat + [_message("assistant", reply)], asked, gr.update(), panels, *self.follow(documents, doc_id, lang)
            return
        if gone:  # said in the answer's words, the asker's language (as `render.answer_message`)
            reply = render.scope_note(render.words(words_language(question))["not_in_corpus"].format(title=gone)) + reply
        # small talk ("thanks") leaves the panel on the last answer's sources
        shown = render.with_earlier(sources, panels[:EARLIER_PANELS], words_language(question)) if sources else gr.update()
        if sources:  # small talk has no sources to keep
            panels = [(len(asked) + 1, question, sources)] + panels[:EARLIER_PANELS - 1]
        # the box is left as it is: the next question may be typed while this one was answered
        yield gr.update(), chat + [_message("assistant", reply)], asked + [question], shown, panels, \
            *self.follow(documents, doc_id, lang)

    def _gone(self, doc_id: str | None, shown) -> str | None:
        """The title of a picked document the page showed and the corpus no longer has (an id
        the page never showed stays the engine's to refuse)."""
        if doc_id is None or not self.warmup.ready or doc_id in {d.id for d in self.engine.documents}:
            return None
        titles = {row[0]: row[1] for row in shown or [] if isinstance(row, (list, tuple)) and len(row) > 1}
        return (titles[doc_id] or doc_id) if doc_id in titles else None

    def _answer(self, question: str, asked: list[str], doc_id: str | None,
                lang: str = "en") -> tuple[str, str | None]:
        """(chat reply, sources panel): the panel is "" for small talk, None when the question
        could not be asked (why, in the page's language ``lang``: render.REASONS)."""
        turn = len(asked) + 1
        try:
            ans = self.engine.ask(question, list(asked), doc_id)
        except QuestionError as exc:
            return render.error_message(str(exc), lang), None
        except Exception as exc:
            log.exception("ask failed")
            why = render.words(lang)["why_engine_failed"].format(error=type(exc).__name__)
            return render.error_message(why, lang), None
        docs = self.docs()
        panel = "" if ans.kind == "chat" else render.sources_panel(ans, turn, docs, self.paragraph)
        return render.answer_message(ans, turn, docs), panel

    def paragraph(self, c: Citation) -> tuple[int, int] | None:
        """Which paragraph of its document a cited sentence is in, and of how many, as the index
        counts them (a heading or a metadata line is none: None for a line of those)."""
        index = self.engine.index
        a, b = index.doc_rows.get(c.doc, (0, 0))
        rows = index.sentences  # a document's in reading order
        k = bisect.bisect_left(rows, c.start, a, b, key=lambda s: s.start)
        if k == b or rows[k].start != c.start or rows[k].para < 0:
            return None
        return rows[k].para + 1, rows[b - 1].para + 1

    def clear(self, request: gr.Request = None, cleared: float | None = None):
        """Forget the page's conversation, and drop the answers being made for it; the browser
        has emptied the chat, the panel and the box itself (CLEAR_JS). ``cleared``: the page's
        count of its clears, this one included."""
        session = self.sessions.of(request)
        if session is not None:
            session.clear_to(_count(cleared))
        return [], []

    def status(self, frame: str | None = None, request: gr.Request = None):
        """Timer tick: the status line in the page's language (`Page.load`), and stop ticking once
        the engine is ready or failed."""
        self.warmup.start()
        done = self.warmup.state in ("ready", "failed")
        return self.status_line(page_language(frame, request)), gr.Timer(active=not done)

    def status_line(self, lang: str = "en") -> str:
        return render.status_html(self.warmup.state, status_message(self.warmup, lang))

    def view(self, lang: str = "en"):
        """On each page load: the header, the document picker, the examples and the status line
        for the documents the engine answers from now, and what they show (see `follow`), in the
        page's language ``lang``."""
        docs = self._documents_now()
        header, picker, shown = _document_views(docs, None, lang)
        return header, picker, self.status_line(lang), shown, *_example_updates(docs, None)

    def load(self, browser: str | None = None, request: gr.Request = None):
        """The page just opened: its language, from the browser's (``navigator.language``, the one
        Gradio's own translations follow, else the request's Accept-Language), kept for the events
        after it; the status line ticking until the engine is ready; the frame in that language:
        the empty sources panel, the words of the controls (gr.I18n has them already, in the
        languages Gradio ships: a browser's "zh-HK", "zh" or "it" is English to it), then `view`."""
        lang = browser_language(browser, request)
        status, timer = self.status(lang)
        header, picker, _, shown, *examples = self.view(lang)
        w, what = render.words(lang), "article" if len(shown) <= 1 else "documents"
        controls = (gr.update(value=w["ask"]), gr.update(value=w["clear"]),
                    gr.update(placeholder=w[f"box_{what}"], label=w["your_question"]),
                    gr.update(placeholder=w[f"chat_{what}"], label=w["conversation"]))
        return (lang, timer, render.empty_panel(lang), *controls, header, picker, status, shown, *examples)

    def pick(self, doc_id: str | None):
        """The examples for the document picked in "Search in" (all documents': "")."""
        return _example_updates(self._documents_now(), doc_id or None)

    def _documents_now(self) -> list[Document]:
        """The documents the engine answers from, or before it has loaded, the corpus's."""
        return list(self.engine.documents) if self.warmup.ready else _documents(self.engine)

    def follow(self, shown, doc_id: str | None = None, lang: str = "en"):
        """With each answer: a document added, renamed or removed in the corpus meanwhile (the
        engine followed it to answer) shows in the header, the picker (back on "All documents"
        if the picked one left), the status line and the examples without a reload; nothing is
        sent when the documents are those shown. (An event of its own after the answer made an
        earlier answer's folded passage close again, now and then, as it opened.) In the page's
        language ``lang``."""
        if not self.warmup.ready:
            return gr.update(), gr.update(), gr.update(), shown, *_unchanged_examples()
        docs = list(self.engine.documents)
        if _shown(docs) == shown:  # the status line still counts the sentences of an edited one
            return gr.update(), gr.update(), self.status_line(lang), shown, *_unchanged_examples()
        header, picker, now = _document_views(docs, doc_id, lang)
        here = doc_id if doc_id in {d.id for d in docs} else None
        return header, picker, self.status_line(lang), now, *_example_updates(docs, here)


def _document_views(docs: list[Document], doc_id: str | None, lang: str = "en"):
    """The header, the picker (keeping the picked document while it is there) and what they
    show, for these documents, in the page's language."""
    return render.header_html(docs, lang), _picker_update(docs, doc_id, lang), _shown(docs)


def _unchanged_examples() -> tuple:
    return tuple(gr.update() for _ in range(MAX_EXAMPLES))


def _example_updates(docs: list[Document], doc_id: str | None) -> list:
    """The example buttons: this corpus's (or picked document's) questions, the rest hidden."""
    questions = examples_for(docs, doc_id)
    return [gr.update(value=questions[k], visible=True) if k < len(questions) else gr.update(visible=False)
            for k in range(MAX_EXAMPLES)]


def _shown(docs: list[Document]) -> list:
    """What the header and picker show of the documents: id, title and date of each."""
    return [[d.id, d.title, d.date] for d in docs]


def _picker_choices(docs: list[Document], lang: str = "en") -> list[tuple[str, str]]:
    told = titles_told_apart(docs)
    return [(render.words(lang)["all_documents"], "")] + [(told[d.id], d.id) for d in docs]


def _picker_update(docs: list[Document], doc_id: str | None, lang: str = "en"):
    """New choices; the value goes back to "All documents" when the picked one is gone (a value
    not among the choices would fail every later event). Labelled in the page's language."""
    here = doc_id in {d.id for d in docs}
    return gr.update(choices=_picker_choices(docs, lang), value=doc_id if here else "", visible=len(docs) > 1,
                     label=render.words(lang)["search_in"])


def browser_language(browser: str | None, request=None) -> str:
    """The page's language (render.frame_language) from the browser's language tag, or without
    one, from the request's Accept-Language header."""
    if not browser:
        headers = getattr(request, "headers", None)
        browser = headers.get("accept-language") if headers is not None else None
    return render.frame_language(browser)


def page_language(frame: str | None, request=None) -> str:
    """The page's language as `Page.load` keeps it for the page's events (a gr.State), or, in an
    event that comes before it (a first timer tick), the request's."""
    return frame if frame in render.WORDS else browser_language(None, request)


def _count(value) -> int | None:
    """A count the page sent (a clear's number), or None for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 2 ** 53:
        return None
    return int(value)


def _message(role: str, html: str) -> dict:
    return {"role": role, "content": html}


def _documents(engine: Engine) -> list[Document]:
    """The corpus read directly (cheap, no model) so the header and picker render before the
    engine has loaded; problems surface in the status line via the warm-up."""
    try:
        return load_corpus(engine.corpus)
    except (OSError, ValueError) as exc:
        log.warning("cannot read the corpus: %s", exc)
        return []


def unframed(html: str) -> str:
    """A part of the frame before `Page.load` has sent it in the page's language (HEAD_JS)."""
    return f'<div class="qa-unframed">{html}</div>'


def build_app(engine: Engine) -> gr.Blocks:
    """The page for an engine. The engine starts loading when the first browser opens the page
    (``serve`` starts it right after launch instead); ``app.page.warmup`` exposes it."""
    page = Page(engine)
    docs = _documents(engine)
    examples = examples_for(docs)
    what = "article" if len(docs) <= 1 else "documents"
    with gr.Blocks(title=render.page_title(docs), analytics_enabled=False) as app:
        # English drafts, replaced on load in the page's language (`Page.load`, HEAD_JS)
        header = gr.HTML(unframed(render.header_html(docs)), js_on_load=None, elem_id="qa-header")
        status = gr.HTML(unframed(render.status_html(page.warmup.state, page.warmup.message)), js_on_load=None,
                         elem_id="qa-status")
        asked = gr.State([])
        shown = gr.State(_shown(docs))  # the documents the header and picker show
        panels = gr.State([])  # earlier answers' sources, for the markers of earlier messages
        with gr.Row(equal_height=False, elem_id="qa-main"):
            with gr.Column(scale=3, min_width=360):
                # Messages are HTML we built with everything escaped: no Markdown or LaTeX pass
                # over them, and Gradio's sanitizer stays on as a second guard. No buttons: "share"
                # posts to Hugging Face, and "copy" would copy our markup.
                chat = gr.Chatbot(elem_id="qa-chat", label=I18N("qa.conversation"), show_label=False,
                                  height=CHAT_HEIGHT, autoscroll=False, sanitize_html=True, render_markdown=False, latex_delimiters=[],
                                  feedback_options=None, buttons=[], placeholder=I18N(f"qa.chat_{what}"))
                with gr.Row(elem_id="qa-ask-row"):
                    # no max_length: a longer paste would be cut without a word; the engine says
                    # it is too long and the question comes back to be shortened
                    box = gr.Textbox(elem_id="qa-question", label=I18N("qa.your_question"), show_label=False,
                                     scale=5, lines=1, max_lines=4, placeholder=I18N(f"qa.box_{what}"))
                    ask_btn = gr.Button(I18N("qa.ask"), variant="primary", scale=1, min_width=80, elem_id="qa-ask")
                with gr.Row(elem_id="qa-examples"):
                    example_btns = [gr.Button(examples[k] if k < len(examples) else "", size="sm", variant="secondary",
                                              elem_classes="qa-example", visible=k < len(examples))
                                    for k in range(MAX_EXAMPLES)]
                with gr.Row(elem_id="qa-tools"):
                    picker = gr.Dropdown(_picker_choices(docs), value="", label=I18N("qa.search_in"),
                                         visible=len(docs) > 1, elem_id="qa-doc", scale=3)
                    clear_btn = gr.Button(I18N("qa.clear"), variant="secondary", size="sm", scale=1,
                                          elem_id="qa-clear")
            with gr.Column(scale=2, min_width=320):
                sources = gr.HTML(unframed(render.empty_panel()), js_on_load=None, elem_id="qa-sources",
                                  label=I18N("qa.sources"))
        _wire(page, app, status, asked, panels, chat, box, ask_btn, example_btns, picker, clear_btn,
              sources, header, shown)
    app.page = page
    return app


def _wire(page, app, status, asked, panels, chat, box, ask_btn, examples, picker, clear_btn, sources,
          header, shown) -> None:
    """Events: ask (enter, button, examples; the answer brings the header and picker up to
    date), clear, the status timer and the /ask endpoints."""
    # Each question is sent, even while another is answered ("multiple": with Gradio's "once" a
    # second one was dropped, its echo left behind); the page's Session answers them in order.
    # the page's count of its clears, sent with each question and clear (SEND_JS, `Page.respond`)
    cleared = gr.Number(0, precision=0, visible=False)
    # the page's language (`Page.load`), for the status line and header its events bring
    frame = gr.State("")
    io = dict(fn=page.respond, inputs=[box, chat, asked, picker, panels, shown, cleared, frame],
              outputs=[box, chat, asked, sources, panels, header, picker, status, shown, *examples],
              concurrency_id=ENGINE_JOBS, concurrency_limit=ENGINE_CONCURRENCY, show_progress="minimal", js=SEND_JS,
              show_progress_on=[chat],  # the header, status line and sources stay as they are, not faded
              trigger_mode="multiple", api_visibility="private")
    # the question into the box (an example's) and into the chat, in the browser (ECHO_JS)
    echo = dict(fn=None, js=ECHO_JS, outputs=[box, chat], queue=False, show_progress="hidden",
                api_visibility="private")
    chat.change(None, js=REECHO_JS, inputs=chat, outputs=chat, queue=False, show_progress="hidden",
                api_visibility="private")  # the echoes of questions on their way stay (REECHO_JS)
    box.submit(inputs=[box, chat], **echo).then(**io)
    ask_btn.click(inputs=[box, chat], **echo).then(**io)
    for btn in examples:  # the button's own text: the examples follow the corpus and the picker
        btn.click(inputs=[btn, chat], **echo).then(**io)
    picker.change(page.pick, inputs=picker, outputs=examples, queue=False, show_progress="hidden",
                  api_visibility="private")
    # emptied in the browser (CLEAR_JS), then the server forgets; a pending answer is dropped too,
    # which would bring the conversation back when it came (the chat's own trash icon is hidden).
    # No `cancels=`: Gradio's cancel of an answer whose event id had not come back yet (a question
    # sent less than a round trip before) was two requests with a null id, refused (HTTP 422) and
    # logged as errors in the console; `Page.clear` drops the answer, and PAGE_JS hides one that
    # was already on its way.
    gr.on([clear_btn.click, chat.clear], fn=None, js=CLEAR_JS, outputs=[chat, sources, box], queue=False,
          show_progress="hidden", api_visibility="private") \
        .then(page.clear, inputs=cleared, js="(n) => [window.qaClears || 0]", outputs=[asked, panels], queue=False,
              show_progress="hidden", api_visibility="private")
    timer = gr.Timer(0.5)
    timer.tick(page.status, inputs=frame, outputs=[status, timer], show_progress="hidden", queue=False,
               api_visibility="private")
    # On each page load, the frame in the browser's language (the language Gradio's own
    # translations, I18N, follow; sent in a hidden box), and the header, picker, status line and
    # examples for the documents now (`Page.load`)
    browser = gr.Textbox("", visible=False)
    app.load(page.load, inputs=browser, js="() => [navigator.language || '']",
             outputs=[frame, timer, sources, ask_btn, clear_btn, box, chat, header, picker, status, shown, *examples],
             show_progress="hidden", queue=False, api_visibility="private")
    gr.api(page.ask_api, api_name="ask", concurrency_id=ENGINE_JOBS, concurrency_limit=ENGINE_CONCURRENCY)
    gr.api(page.ask_document_api, api_name="ask_document", concurrency_id=ENGINE_JOBS, concurrency_limit=ENGINE_CONCURRENCY)


CSS = """
.gradio-container { max-width: 1280px !important; margin: 0 auto; }
html[data-qa-lang]:not([data-qa-lang="en"]) .qa-unframed { visibility: hidden; }  /* HEAD_JS: not in English */
#qa-header h1 { font-size: 1.75rem; font-weight: 700; margin: .25rem 0 .1rem; letter-spacing: -.01em; }
#qa-header p { margin: 0; color: var(--body-text-color-subdued); }
.qa-status { display: flex; align-items: center; gap: .5rem; font-size: .875rem;
  color: var(--body-text-color-subdued); }
.qa-dot { width: .6rem; height: .6rem; border-radius: 50%; background: #94a3b8; flex: none; }
.qa-warming .qa-dot { background: #f59e0b; animation: qa-pulse 1s ease-in-out infinite; }
.qa-ready .qa-dot { background: #10b981; }
.qa-failed { color: #b91c1c; } .qa-failed .qa-dot { background: #dc2626; }
@keyframes qa-pulse { 50% { opacity: .3; } } @keyframes qa-typing { 50% { opacity: .55; } }
.qa-msg p { margin: 0 0 .4rem; } .qa-msg p:last-child { margin-bottom: 0; }
.qa-short { font-size: 1rem; line-height: 1.5; }
.qa-cited { margin: .3rem 0 .4rem 1.1rem; padding: 0; font-size: .9rem; color: var(--body-text-color-subdued); overflow-wrap: anywhere; }
.qa-meta { font-size: .78rem; color: var(--body-text-color-subdued); }
/* an answer the engine is unsure of (render.LOW_CONFIDENCE): its confidence in a small amber pill */
.qa-confidence.qa-low { color: #92400e; background: #fef3c7; padding: .05rem .4rem; border-radius: 999px; white-space: nowrap; }
.dark .qa-confidence.qa-low { color: #fcd34d; background: rgba(245, 158, 11, .15); }
a.qa-marker { font-weight: 600; text-decoration: none; color: #4338ca; padding: 0 .1rem;
  border-radius: 4px; }
a.qa-marker:hover { background: var(--color-accent-soft); }
.dark a.qa-marker { color: #a5b4fc; }
/* a refusal's markers lead to passages that are not an answer: grey, as they are in the panel */
.qa-refusal a.qa-marker { color: #475569; } .dark .qa-refusal a.qa-marker { color: #cbd5e1; }
.qa-refusal { border-left: 4px solid #f59e0b; padding: .35rem .5rem .35rem .7rem; background: #fffbeb;
  border-radius: 4px; }
.dark .qa-refusal { background: rgba(245, 158, 11, .12); }
.qa-refusal .qa-short { color: #92400e; font-weight: 600; }
.dark .qa-refusal .qa-short { color: #fbbf24; }
.qa-error { color: #b91c1c; } .qa-pending { color: var(--body-text-color-subdued); font-style: italic; }
.qa-offline #qa-chat .message-row:has(.qa-echo) { display: none; }  /* never received: back in the box */
/* an answer on its way before a clear, landed after it (PAGE_JS): not shown */
.qa-stale #qa-chat .message-row:not(:has(.qa-echo)), .qa-stale #qa-sources .qa-sources:not(.qa-empty),
.qa-stale #qa-sources .qa-earlier { display: none; }
.qa-cleared #qa-chat > [data-testid="status-tracker"] { visibility: hidden; }  /* a dropped answer's (PAGE_JS) */
/* typing dots after the echo of a question on its way when the chat's own are gone: questions asked
   the same way are one Gradio event, whose loading state ends when the first of them is answered */
body:not(.qa-offline) #qa-chat .message-wrap:not(:has(.pending)):has(> .message-row:last-child .qa-echo)::after {
  content: ""; display: block; box-sizing: content-box; width: 28px; height: 32px; padding: 0 10px;  /* as Gradio's */
  margin: calc(var(--spacing-xl) * 2); border: 1px solid var(--border-color-primary); border-radius: 8px 8px 8px 0;
  box-shadow: var(--shadow-drop); animation: qa-typing 1.5s ease-in-out infinite;
  background: radial-gradient(circle, color-mix(in srgb, var(--body-text-color) 60%, transparent) 0 3px, transparent 3.4px)
    content-box 0 50% / 10px 10px repeat-x, var(--background-fill-secondary); }
#qa-hint { position: absolute; left: .5rem; bottom: calc(100% + .3rem); z-index: 5; margin: 0; }
#qa-hint:not(:empty) { padding: .3rem .65rem; font-size: .85rem; border-radius: 6px; color: var(--body-text-color);
  background: var(--background-fill-primary); border: 1px solid var(--border-color-primary); box-shadow: var(--shadow-drop); }
/* the page as wide as the window up to 1,280 px: Gradio's steps (640, 768, 1,024) left a 900 px window
   a 368 px chat, narrower than at 1,024, between 66 px margins (the fourth audit) */
.gradio-container .main.app { max-width: 1280px !important; }
#qa-examples { flex-wrap: wrap; gap: .4rem; }
/* the question box on the column's edge, level with the chat above it and the examples below it
   (inside its block's padding it sat 12 px in from them), its focus ring not clipped there, and no
   block around it (a dark theme showed the block as a band above and below the box) */
#qa-question { padding-left: 0 !important; padding-right: 0 !important; }
#qa-ask-row > .form, #qa-question { background: transparent !important; border-color: transparent !important;
  box-shadow: none !important; }
#qa-ask-row > .form, #qa-question, #qa-question label { overflow: visible !important; }
#qa-examples button { flex: 0 1 auto !important; min-width: 0 !important; font-weight: 400; }
#qa-status { margin-top: -.6rem; }
#qa-tools { align-items: flex-end; justify-content: flex-end; }
#qa-tools #qa-clear { flex: 0 0 auto !important; min-width: 0 !important; width: auto; }
/* no taller than the chat's column (CHAT_HEIGHT plus the box, examples and tools under it, 192 px): a
   long panel scrolls in itself and the page still fits the window (100vh - 11rem made it 40 px too tall) */
#qa-sources { max-height: min(760px, calc(100vh - 228px)); overflow-y: auto !important; scroll-behavior: smooth; padding-right: .25rem; }
.qa-sources h2, .qa-earlier h2 { font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .06em;
  margin: .2rem 0 .6rem; color: var(--body-text-color-subdued); }
#qa-ask-row { align-items: center; }  /* the button level with the box, not with the row's top */
#qa-question textarea { border: 1px solid #8591a5 !important; border-radius: 8px; }  /* 3:1 against the page, as a control's edge must be */
.dark #qa-question textarea { border-color: #64748b !important; }
#qa-question textarea:focus { outline: 2px solid var(--color-accent) !important; outline-offset: 1px; }
#qa-question textarea::placeholder { color: #64748b; } .dark #qa-question textarea::placeholder { color: #94a3b8; }
mark.qa-hl[data-n]::before { content: attr(data-n); display: inline-grid; place-items: center; min-width: 1.1rem;
  height: 1.1rem; margin-right: .2rem; border-radius: 999px; background: #4f46e5; color: white;
  font-size: .65rem; font-weight: 700; vertical-align: .1em; }
mark.qa-hl:target, mark.qa-hl.qa-target { outline: 2px solid var(--color-accent); outline-offset: 1px; }
.qa-empty p { color: var(--body-text-color-subdued); border: 1px dashed var(--border-color-primary);
  border-radius: 10px; padding: 1.2rem; margin: 0; }
.qa-source { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: .75rem .9rem;
  margin-bottom: .75rem; background: var(--block-background-fill); scroll-margin-top: .5rem; }
.qa-source:target, .qa-source.qa-target { outline: 2px solid var(--color-accent); outline-offset: 1px; }
.qa-source header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .15rem .6rem; font-size: .8rem;
  color: var(--body-text-color-subdued); margin-bottom: .4rem; }
.qa-source .qa-title { font-weight: 600; color: var(--body-text-color); }
.qa-num { display: inline-grid; place-items: center; min-width: 1.35rem; height: 1.35rem; border-radius: 999px;
  background: #4f46e5; color: white; font-weight: 700; font-size: .75rem; }
.qa-passage { margin: 0; line-height: 1.6; font-size: .92rem; white-space: normal; overflow-wrap: anywhere; }
mark.qa-hl { background: #fde68a; color: inherit; padding: .05rem .1rem; border-radius: 3px; }
.dark mark.qa-hl { background: #854d0e; }
strong.qa-span { background: #fbbf24; border-radius: 3px; }
.dark strong.qa-span { background: #fbbf24; color: #1c1917; }
.qa-passage code, .qa-msg code { font-family: var(--font-mono); font-size: .88em; padding: 0 .2rem;
  border-radius: 3px; background: var(--background-fill-secondary); }
a.qa-link { color: inherit; text-decoration: underline; text-decoration-color: var(--color-accent); }
.qa-source footer { font-size: .72rem; color: var(--body-text-color-subdued); margin-top: .4rem; }
.qa-earlier { margin-top: 1rem; border-top: 1px solid var(--border-color-primary); padding-top: .6rem; }
.qa-turn { margin-bottom: .4rem; } .qa-turn > summary { cursor: pointer; font-size: .85rem; padding: .2rem 0;
  color: var(--body-text-color-subdued); } .qa-turn[open] > summary { color: var(--body-text-color); }
a.qa-marker.qa-gone, a.qa-below-link.qa-gone { color: var(--body-text-color-subdued); text-decoration: line-through; cursor: default; }
.qa-turn .qa-cited-sources > h2 { display: none; }  /* the question it folds under says what it is */
.qa-nearest h2 { color: #b45309; } .dark .qa-nearest h2 { color: #fbbf24; }
.qa-nearest .qa-cited, .qa-refusal .qa-cited { color: var(--body-text-color); }
.qa-nearest .qa-source { border-style: dashed; background: transparent; opacity: .9; }
.qa-nearest mark.qa-hl { background: #e2e8f0; }
.dark .qa-nearest mark.qa-hl { background: #334155; }
.qa-nearest .qa-num, .qa-nearest mark.qa-hl[data-n]::before { background: #64748b; }
/* Gradio's "scroll down" arrow sat in the middle of the chat's foot, over an answer's words: in
   the corner the user's questions keep clear (they are on the right, an answer's lines on the left) */
#qa-chat .scroll-down-button-container { left: auto !important; right: .75rem !important; transform: none !important; }
#qa-chat .scroll-down-button-container button { box-shadow: var(--shadow-drop-lg); border: 1px solid var(--border-color-primary); }
#qa-chat .icon-button-wrapper.top-panel { display: none; }  /* its trash icon: "Clear conversation" is the one clear control */
footer > .divider:last-child { display: none; }  /* a separator left before the hidden links */
#qa-question textarea::placeholder { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.qa-source footer .qa-back, .qa-below { display: none; }
@media (max-width: 767px) {  /* not a WIDE_SCREEN: the panel under the chat, whole, as the page scrolls */
  /* Gradio's row wrapped at ~765 px by its columns' min widths: stacked here on purpose instead */
  #qa-main > .column { flex: 1 1 100% !important; }
  /* no box scrolling inside the scrolling page: a tall panel's end (the earlier answers) was cut off */
  #qa-sources { max-height: none; overflow-y: visible !important; }
  /* a way back up from a passage a marker led to */
  .qa-source footer { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .2rem .5rem; }  /* the link under the place when both do not fit */
  .qa-source footer .qa-back { display: inline; margin-left: auto; color: #4338ca; text-decoration: none; font-weight: 600; white-space: nowrap; }
  .dark .qa-source footer .qa-back { color: #a5b4fc; }
  /* and a way down to it from the answer: the panel is out of view, under the chat (render._below) */
  .qa-msg .qa-below { display: block; }
  /* a refusal's nearest passages are the panel's cards just below: listed in the chat's small box
     as well they made a refusal 630 px tall in a 405 px chat (the fourth audit); its verdict and
     the way down to them stay */
  .qa-refusal .qa-meta:has(+ .qa-cited), .qa-refusal .qa-cited { display: none; }
  .qa-below a { color: #4338ca; text-decoration: none; font-weight: 600; }
  .dark .qa-below a { color: #a5b4fc; }
}
/* the Ask button's focus ring: Gradio's 1 px dark outline on indigo read 2.2:1 (a focus indicator needs 3:1) */
#qa-ask:focus-visible { outline: 2px solid #312e81 !important; outline-offset: 2px; }
.dark #qa-ask:focus-visible { outline-color: #c7d2fe !important; }
/* a finger, not a pointer: controls at least 44 px tall (the examples and Clear were 26, the box and
   Ask 40), markers and links with room around them, and the box's text at 16 px, under which iOS
   zooms the page into a box when it takes the focus */
@media (pointer: coarse), (max-width: 640px) {
  #qa-question textarea { font-size: 16px !important; min-height: 44px; }
  #qa-ask-row #qa-ask, #qa-examples button, #qa-tools #qa-clear { min-height: 44px; }
  a.qa-marker { display: inline-block; padding: .3rem .3rem; margin: -.3rem -.1rem; }
  .qa-below a, .qa-source footer .qa-back { display: inline-block; padding: .75rem 0; margin: -.6rem 0; }
}
@media (max-width: 640px) {  /* a phone: the question box in view, and most of the row for it */
  #qa-chat { height: min(420px, 48vh) !important; }
  #qa-ask-row { flex-wrap: nowrap; }
  #qa-ask-row #qa-ask { flex: 0 0 auto !important; min-width: 4.5rem !important; width: auto; }
}
"""


def launch(app: gr.Blocks, host: str = "127.0.0.1", port: int = 7860) -> gr.Blocks:
    """Start the server without blocking: no share link, no SSR, no monitoring, system fonts.

    Every question goes through the queue (``api_open=False`` closes /gradio_api/run/*, which
    would skip it and its limits); the page takes no files, so uploads are refused
    (``max_file_size=0``) and nothing can be stored through /gradio_api/upload."""
    app.queue(default_concurrency_limit=1, max_size=QUEUE_MAX_SIZE, api_open=False,
              status_update_rate=QUEUE_STATUS_EVERY_S)
    queue = getattr(app, "_queue", None)  # Gradio's own poll intervals (no public setting)
    if queue is not None and hasattr(queue, "sleep_when_free"):
        queue.sleep_when_free, queue.progress_update_sleep_when_free = QUEUE_POLL_S, QUEUE_PROGRESS_POLL_S
    app.launch(server_name=host, server_port=port, share=False, ssr_mode=False, prevent_thread_lock=True,
               enable_monitoring=False, footer_links=["api"], theme=THEME, css=CSS, js=PAGE_JS, show_error=False,
               quiet=True, pwa=False, mcp_server=False, max_file_size=0, i18n=I18N,
               head=f"<script>{HEAD_JS}</script>{REVEAL_HEAD}")
    return app


def serve(corpus="corpus", index="index", host: str = "127.0.0.1", port: int = 7860, block: bool = True):
    """Serve the page, then warm the engine up in the background (first run builds the index)."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # Gradio's own startup probes
    app = launch(build_app(Engine(corpus, index, progress=True)), host, port)
    app.page.warmup.start()
    log.info("page at http://%s:%s (the engine warms up in the background)", host, port)
    if block:
        app.block_thread()
    return app
