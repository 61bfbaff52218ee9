"""A match report's words for what a reader asks about the game.

A reader asks "What was the final score?", "Which venue hosted the final?", "Who put Caldera
ahead?" or "how many ppl were at the game"; the report writes "beating holders Caldera United
2-1", "a tense final at Halvorsen Stadium", "Caldera had taken the lead … through Joost van
Aarle" and "in front of a crowd of 48,600". No question word is in the answering sentence, so the
word features (qa/features.py) counted each as something the text never mentions and the question
was refused. Here a sentence writing the report's word counts as writing the reader's, as a title
does for "Who runs …?" (qa/roles.py) and "kids" for "children" (qa/question.py).

Each pair is narrow on the question's side (a score asked for, not "test scores" or "Who scored
the most points?"; "draw level", not "sea level") so that encyclopedia questions keep their
reading.
"""
from __future__ import annotations

import re

_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven)"

# a score asked for ("What was the final score?", "what was the score that time"; not "Who scored …?",
# "the score of a test"), and a scoreline written ("2-1", "118–115", "6-4, 7-6"; not a year range
# "2020-21" or an age group "18-24 years")
ASKS_SCORE = re.compile(r"\b(?:final |full[- ]time |half[- ]time |the )score(?:line)?\b(?!\s*(?:a|the|an|his|her|their|of|in|on)\b)"
                        r"|\bscoreline\b", re.I)
SCORELINE = re.compile(r"(?<![\w.,/-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w/%-]|[.,]\d|\s?(?:percent|per cent|years?|months?)\b)", re.I)

# (what the question writes, what a report writes for it)
_SPORT = [(re.compile(asked, re.I), re.compile(written, re.I)) for asked, written in (
    (ASKS_SCORE.pattern, SCORELINE.pattern),
    # where it was played
    (r"\b(?:venue|stadium|arena|ballpark|ground)s?\b(?=.*\b(?:host|held|play|stag|match|game|final|race|fight|bout|tie)\w*)"
     r"|\b(?:match|game|final|race|fight|bout|semi-?final)\b.*\b(?:venue|stadium|arena|ground)\b"
     r"|(?<=\bvenue )host(?:ed|s)?\b|(?<=\bstadium )host(?:ed|s)?\b|(?<=\barena )host(?:ed|s)?\b",
     # (a name's last word before the ground's: "Crescent Bank Arena"; one word keeps the search linear
     # on a long run of capitalised words)
     r"(?-i:\b[A-Z][\w'’.-]*\s+(?:Stadium|Arena|Park|Ground|Field|Centre|Center|Dome|Coliseum|Bowl|Oval|"
     r"Velodrome|Gardens?|Court|Circuit|Racecourse|Speedway)\b)"),
    # who scored first, and who drew level
    (r"\b(?:put|puts|putting|got|get|go|went|goes|took|take|takes|gave|give|gives)\s+(?:\w+\s+){0,3}?(?P<w>ahead)\b"
     r"|\b(?:took|take|takes|taking|gave|give|gives|giving|held|hold|holds|had|has|have|extend(?:ed)?)\s+(?:an?\s+|the\s+|their\s+|his\s+|her\s+)?"
     r"(?:early\s+|first\s+|\d+[-–]\d+\s+)?lead\b|\bscored first\b|\bopen(?:ed)? the scoring\b",
     r"\bthe lead\b|\bled\b|\bahead\b|\bin front\b|\bopened the scoring\b|\bopener\b|\bfirst goal\b"),
    (r"\b(?:draw|drew|drawn|pull|pulled|get|got|come|came|go|went)\s+level\b|\bequali[sz](?:e|ed|es|ing|er)\b"
     r"|\b(?:tie|ties|tied|tying)\s+(?:it|the (?:game|match|score))\b",
     r"\bequali[sz](?:e|ed|es|ing|er)\b|\blevel(?:led|ed)?\b|\btied\b|\btying\b"),
    # the goal that won it, and who made it
    (r"\b(?:winning|decisive|deciding|game[- ]winning|match[- ]winning|golden)\s+(?:goal|basket|shot|try|point|run|score)\b",
     r"\bthe winner\b|\bwinning (?:goal|basket|shot|try|point|run)\b|\bdecisive\b|\bdecider\b|\bclincher\b|\bgolden goal\b|\bbuzzer[- ]beater\b"
     r"|\bat the buzzer\b|\bwith [\d.]+ seconds? (?:left|remaining|to (?:go|play))\b|\b(?:in|into) (?:overtime|extra time)\b"),
    (r"\bset\s+(?:him|her|them)\s+up\b|\bset\s+up\b(?=.*\b(?:goal|score|winner)\b)|\bassists?\b(?=.*\b(?:goal|basket|try|winner)\b)"
     r"|\b(?:goal|basket|try|winner)\b.*\bassist(?:s|ed)?\b|\bthe assist\b",
     r"\bassist(?:s|ed)?\b|\b(?:corner|cross|pass|free[- ]kick|feed|through[- ]ball|lay-?off|header) from\b|\bset up by\b"),
    # how the game went
    (r"\bof the ball\b|\bhad the ball\b", r"\bpossession\b"),
    (r"\b(?:goal)?keeper\b|\bgoalie\b|\bnetminder\b|\bgoaltender\b",
     r"\bgoal ?keeper\b|\bgoalie\b|\bnetminder\b|\bgoaltender\b|\bkeeper\b"),
    (r"\bsent off\b|\bsending[- ]off\b|\bred[- ]card(?:ed)?\b|\bdown to\s+" + _NUMBER + r"\s+men\b|\bejected\b",
     r"\bsent off\b|\bsending[- ]off\b|\bred card\b|\bsecond yellow\b|\bejected\b|\bdismissed\b|\bwith\s+" + _NUMBER + r"\s+men\b"),
    (r"\bwoodwork\b", r"\bpost\b|\bcrossbar\b|\bthe bar\b|\bupright\b"),
    (r"\b(?:come|came|comes|coming)\s+off the bench\b|\bbrought on\b|\bsubbed (?:on|in)\b",
     r"\b(?:come|came|comes|coming) on\b|\bbrought on\b|\bsubstitute\b|\boff the bench\b|\breplac(?:e|ed|ing)\b"),
    (r"\b(?:at|during) the (?:break|interval)\b", r"\bhalf[- ]?time\b|\binterval\b|\bthe break\b"),
    (r"\bthe ref\b", r"\breferee\b|\bumpire\b"),
    (r"\bpenalty box\b|\bsin[- ]bin\b", r"\bminor\b|\bpenalty\b|\bsin[- ]bin\b"),
    (r"\b(?:out)?rebound(?:s|ed|ing)?\b", r"\brebound(?:s|ed|ing)?\b|\bthe glass\b|\bthe boards\b"),
    # a race's time ("What was the winning time?": "in a course record of 2:05:47")
    (r"\b(?:winning|finishing|finish) time\b", r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\b"),
    # who came to watch
    (r"\bhow many (?:people|ppl|fans|spectators|supporters)\b(?=.*\b(?:at|attend\w*|watch\w*|in) the (?:[\w'’-]+ ){0,2}(?:game|match|final|race|fight|bout|"
     r"stadium|arena|ground|stands|building|house)\b)|\bhow big (?:was )?the crowd\b|\battendance\b(?=.*\b(?:game|match|final|race|fight|bout|stadium|arena)\b)",
     r"\bcrowd\b|\battendance\b|\bspectators\b|\bsell-?out\b"),
)]


def sport_paraphrases(question: str) -> list[tuple[str, re.Pattern]]:
    """(the question's words for something of a game, a pattern of what a report writes for it)."""
    out = []
    for asked, written in _SPORT:
        typed = " ".join(m.groupdict().get("w") or m.group(0) for m in asked.finditer(question))  # "w": the word itself
        if typed:
            out.append((typed, written))
    return out
