"""What someone said, asked in other words than the text's: "How did the residents' lawyer react
to the decision?" of "Rachel Dunmore, the association's lawyer, called the ruling …", "What did
the new mayor pledge?" of "Vasquez promised to put …", "What was the athletic director worried
about?" of "… warned that teams might have to leave class early".

A reader asks for a reaction, a view, a promise or a worry; a text reports it with a verb of
saying or a quotation. The question's word ("react", "pledge", "worried") is rarely the text's,
and the answerability model learnt on SQuAD that a question word the text never writes means it
cannot answer. So a sentence reporting speech counts, for the word features, as writing the
question's word for it (qa/features.py reads it as it reads a title for "Who runs …?",
qa/roles.py). The searches and the embedders keep the question as asked.
"""
from __future__ import annotations

import re

# a sentence that reports speech, a view or a reaction: a quotation mark, or a verb for one
REPORTS_SAYING = re.compile(
    r"[“\"]|\b(?:say|says|said|saying|tell|tells|told|think|thinks|thought|believ\w*|argu\w*|claim\w*|stat(?:e|ed|es)|"
    r"wrote|writes|written|not(?:e|ed|es)|observ\w*|describ\w*|explain\w*|suggest\w*|add(?:ed|s)|warn\w*|call(?:ed|s)|"
    r"according|insist\w*|recall\w*|admit\w*|predict\w*|assert\w*|contend\w*|maintain\w*|conclud\w*|report\w*|"
    r"announc\w*|quot\w*|remark\w*|comment\w*|view\w*|opinion\w*|acknowledg\w*|express\w*|emphasi[sz]\w*|stress\w*|"
    r"promis\w*|pledg\w*|vow\w*|react\w*|respond\w*|repl(?:y|ied|ies)|critici[sz]\w*|welcom\w*|blam\w*|"
    r"apologi[sz]\w*|urg(?:e|ed|es)|complain\w*)\b", re.I)  # not "praise", "hope", "fears": said of someone, or a plan

# what a question calls someone's words: "How did she react?", "What's his view on …?", "What did
# the mayor pledge?", "What was she worried about?", "How did the boss characterise (sum up) it?"
_ASKS_FOR_WORDS = re.compile(
    r"(?i)\b(?:react(?:ed|s|ion)?|respond(?:ed|s)?|response|repl(?:y|ied|ies)|(?:feel|feels|felt|think|thinks|thought)"
    r"\s+(?:of|about)|views?\s+(?:on|of)|opinion|take\s+on|comment(?:ed|s)?|pledge[ds]?|promise[ds]?|vow(?:ed|s)?|"
    r"warn(?:ed|s)?|worr(?:ied|y|ies)|concerned|hope[ds]?|fear(?:ed|s)?|complain(?:ed|s|ts?)?|critici[sz](?:e|ed|es)|"
    r"praise[ds]?|statement|remarks?|quoted?|characteri[sz](?:e|ed|es)|summari[sz](?:e|ed|es)|sum(?:s|med)?\s+up)\b")


def saying_paraphrases(question: str) -> list[tuple[str, re.Pattern]]:
    """(the question's words for what someone said, a pattern of a sentence reporting speech)
    for a question asking for a reaction, a view, a promise or a worry; [] for any other."""
    typed = [m.group(0) for m in _ASKS_FOR_WORDS.finditer(question)]
    return [(" ".join(typed), REPORTS_SAYING)] if typed else []


# who a question asks for the words of: "How did (the union) react …?", "What did (the new mayor)
# pledge?", "What was (the athletic director) worried about?", "What's (the coach)'s view on …?"
_SPEAKER = re.compile(r"(?i)\b(?:how|what)\s+(?:did|does|do|has|have|had|was|is|were|are|will|would)\s+(?P<who>[^,?]{1,50}?)\s+"
                      r"(?:react|respond|repl(?:y|ied)|feel|felt|think|thought|comment|pledge|promise|vow|warn|"
                      r"worried|concerned|hope|fear|complain|critici[sz]e|praise|say|tell)\b"
                      r"|(?P<owner>(?<!['’])\b[\w.-]+(?:\s+[\w.-]+){0,3})['’]s?\s+(?:views?|opinion|reaction|response|take|statement)\b"
                      # or whether they did: "Did Nvidia respond to SemiAnalysis's claims?"
                      r"|^\W*(?:did|has|have|had)\s+(?P<whether>[^,?]{1,50}?)\s+(?:react|respond|repl(?:y|ied)|comment)(?:ed)?\b")


# a reaction or a feeling may be told as a deed ("How did King Louis XV respond to British plans?":
# "… dispatched six regiments to New France"), not only in words
ACTS = re.compile(r"(?i)\b(?:react(?:ed|s|ion)?|respond(?:ed|s)?|response|repl(?:y|ied|ies)|feel|feels|felt)\b")


def speaker(question: str) -> str | None:
    """Whose words a question asks for, as it writes them ("the new mayor", "Vasquez"), or None."""
    m = _SPEAKER.search(question)
    return (m.group("who") or m.group("owner") or m.group("whether")) if m else None

