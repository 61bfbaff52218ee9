"""Small, fast quality guards on the article (refusals are deliberately not tested here)."""
import pytest

pytestmark = pytest.mark.slow


def first_citation(engine, question, **kw):
    ans = engine.ask(question, **kw)
    assert ans.answerable, f"{question!r} was refused (confidence {ans.confidence:.3f})"
    assert ans.citations
    return ans, ans.citations[0]


def test_huawei_system_cites_cloudmatrix_first(engine):
    ans, c = first_citation(engine, "What system did Huawei launch at the conference?")
    assert "launch of its CloudMatrix 384 system" in c.sentence
    assert "CloudMatrix 384" in ans.answer


def test_publication_date_from_metadata(engine):
    ans, c = first_citation(engine, "When was the article published?")
    assert c.sentence == "date 2025-07-28"
    assert "2025-07-28" in ans.answer


def test_metax_chip_count(engine):
    ans, c = first_citation(engine, "How many chips did Metax's supernode use?")
    assert "128 of its C550 chips" in c.sentence
    assert "128" in ans.answer


def test_headings_never_cited(engine):
    headings = {"Huawei unveils Nvidia rival as China clusters chip power",
                "Tech giants pivot to AI wearables, digital avatars",
                "Strategic shift amid US tech sanctions"}
    for q in ("Did Huawei unveil an Nvidia rival?", "Which tech giants pivoted to AI wearables?",
              "What was the strategic shift amid US tech sanctions?"):
        ans = engine.ask(q)
        for c in list(ans.citations) + list(ans.nearest):
            assert c.sentence not in headings, (q, c.sentence)
