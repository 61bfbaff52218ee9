"""Write qa/models/name_words.txt.gz: the words of wordfreq's English list that read as names.

`qa.recase.reads_as_name` capitalises a word typed in lower case that no document writes when it
reads as a name: about as frequent in Spanish and Italian as in English, and neither rare nor one
of English's own common words (`qa.recase.by_frequencies`). Asking the two languages' word lists
at run time kept both in memory (~65 MB in a server, where a million sentences leave little
room); every word that can pass is a word of the English list, so the answer for each is written
here once (~50,000 words, ~140 KB), and the server reads that.

    python scripts/build_name_words.py            # after upgrading wordfreq, or changing the rule
    python scripts/build_name_words.py --check    # exit 1 if the file differs from what it would write
"""
from __future__ import annotations

import argparse
import gzip
import sys

from wordfreq import get_frequency_dict

from qa.recase import NAME_WORDS_PATH, by_frequencies


def words_read_as_names() -> list[str]:
    """The rule run over the whole English list (qa.recase.name_words() reads its result)."""
    return sorted(w for w in get_frequency_dict("en") if by_frequencies(w))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = ap.parse_args()
    words = words_read_as_names()
    text = "\n".join(words) + "\n"
    if args.check:
        with gzip.open(NAME_WORDS_PATH, "rt", encoding="utf-8") as f:
            same = f.read() == text
        print(f"{len(words)} words: {'the same as' if same else 'NOT the same as'} {NAME_WORDS_PATH}")
        return 0 if same else 1
    with gzip.GzipFile(NAME_WORDS_PATH, "wb", mtime=0) as f:  # mtime 0: the same bytes each time
        f.write(text.encode("utf-8"))
    print(f"wrote {len(words)} words to {NAME_WORDS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
