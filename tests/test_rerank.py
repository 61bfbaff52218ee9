"""The cross-encoder reranker: its shipped file, what it prefers, and the engine without it."""
import numpy as np
import pytest

from qa import rerank


@pytest.fixture(scope="module")
def reranker():
    r = rerank.get_reranker()
    assert r is not None, "qa/models/reranker.safetensors did not load"
    return r


def test_shipped_file_is_small_and_says_how_it_was_made(reranker):
    assert rerank.MODEL_PATH.stat().st_size < 3_000_000  # LoRA updates, not a copy of MiniLM
    assert 2 <= reranker.k <= 8 and reranker.weight > 0 and reranker.skip_margin > 0
    assert reranker.calibration[0] > 0  # a higher combined logit is a higher probability
    assert reranker.info["held_out_top1"] > reranker.info["held_out_ranker_top1"]


def test_logits_do_not_depend_on_the_batch(reranker):
    sents = ["A short one.", "A much longer sentence about the history of the bridge and the city " * 3]
    both = reranker.logits("What is it about?", sents)
    alone = np.array([reranker.logits("What is it about?", [s])[0] for s in sents])
    assert np.allclose(both, alone, atol=0.15)  # bfloat16 batches: padding must not leak in


@pytest.mark.parametrize("damage", ["missing", "truncated"])
def test_engine_answers_in_ranker_order_without_the_file(engine, monkeypatch, caplog, tmp_path, damage):
    want = engine.ask("How many chips did Metax's supernode use?")
    bad = tmp_path / "reranker.safetensors"
    if damage == "truncated":
        bad.write_bytes(rerank.MODEL_PATH.read_bytes()[:1000])
    monkeypatch.setattr(rerank, "MODEL_PATH", bad)
    rerank.get_reranker.cache_clear()
    try:
        got = engine.ask("How many chips did Metax's supernode use?")
        assert "reranker unusable" in caplog.text
        assert got.answerable == want.answerable and got.confidence == want.confidence
        assert got.citations and "128 of its C550 chips" in got.citations[0].sentence
    finally:
        rerank.get_reranker.cache_clear()


def test_questions_in_other_languages_are_read_in_the_documents_english(engine, monkeypatch):
    """MiniLM reads English: a Spanish question's search text holds the documents' English words
    (Retriever.in_english), a Chinese one's `reading` the document's word for each of its words
    that has one; a Chinese question with none (its glosses alone) keeps the ranker's order."""
    reranker = rerank.get_reranker()  # the engine's (an earlier test may have reloaded it)
    calls = []
    real = rerank.Reranker.rescore
    monkeypatch.setattr(rerank.Reranker, "rescore", lambda self, *a: calls.append(a) or real(self, *a))
    monkeypatch.setattr(reranker, "skip_margin", float("inf"))  # always re-read a question it reads
    engine.ask("腾讯发布了什么？")
    assert calls == []
    engine.ask("华为在大会上发布了什么系统？")
    assert len(calls) == 1 and "conference" in calls[0][0] and "general assembly" not in calls[0][0]
    engine.ask("¿Qué sistema lanzó Huawei en la conferencia?")
    assert len(calls) == 2 and "conference" in calls[1][0]
    engine.ask("What system did Huawei launch at the conference?")
    assert len(calls) == 3


def test_a_wide_lead_skips_the_reranker(engine, monkeypatch):
    reranker = rerank.get_reranker()
    calls = []
    real = rerank.Reranker.rescore
    monkeypatch.setattr(rerank.Reranker, "rescore", lambda self, *a: calls.append(a) or real(self, *a))
    want = engine.ask("What system did Huawei launch at the conference?")
    monkeypatch.setattr(reranker, "skip_margin", float("-inf"))  # any lead is wide enough
    calls.clear()
    got = engine.ask("What system did Huawei launch at the conference?")
    assert calls == [] and got.answerable and got.citations
    assert got.confidence == want.confidence  # answerability never depends on the reranker


def test_engine_path_equals_the_trained_network(reranker):
    """qa.rerank merges the shipped LoRA factors into MiniLM's matrices and runs qa.bert; the
    training script runs transformers with the factors beside the frozen weights. Same logits."""
    import sys

    import torch

    sys.path.insert(0, str(rerank.MODEL_PATH.parents[2] / "scripts"))
    from train_reranker import CrossEncoder, E5CrossEncoder

    network = E5CrossEncoder if reranker.base_kind == "e5" else CrossEncoder
    m = network(int(reranker.config["lora_rank"]), float(reranker.config["lora_alpha"]))
    m.load(rerank.MODEL_PATH)
    q = "Who founded the company?"
    sents = ["The company was established in 1998 by Larry Page and Sergey Brin.",
             "The company sells advertising in more than 100 countries.",
             "It was a long road to success for the firm, which began in a garage in California."]
    with torch.no_grad():
        want = m([(q, s) for s in sents]).float().numpy()
    assert np.abs(reranker.logits(q, sents) - want).max() < 0.05


def test_a_model_built_on_e5_reads_pairs_through_e5(tmp_path):
    """The file's "base" says which embedder's frozen weights the updates belong to; an e5 file
    (12 layers, its own tokenizer and pair layout) gives the training network's logits."""
    import json
    import sys

    import torch
    from safetensors.torch import save_file

    sys.path.insert(0, str(rerank.MODEL_PATH.parents[2] / "scripts"))
    from train_reranker import E5CrossEncoder

    torch.manual_seed(0)
    m = E5CrossEncoder(4, 8.0)
    for layer in m.B:  # updates that change something
        for b in layer.values():
            b.data.normal_(0, 0.02)
    path = tmp_path / "e5.safetensors"
    config = {"base": "intfloat/multilingual-e5-small", "lora_rank": 4, "lora_alpha": 8.0, "k": 3,
              "weight": 0.5, "scale": 1.0, "bias": 0.0}
    save_file(m.tensors(), str(path), metadata={"config": json.dumps(config)})
    m.load(path)  # the float16 values that shipped
    r = rerank.Reranker(path)
    assert r.base_kind == "e5" and len(list(r.bert.blocks())) == 12
    q, sents = "Who founded the company?", ["It was founded by Ada Lovelace in 1843.", "It sells shoes."]
    ids, types = r.pairs(q, sents)
    assert all(t[0] == 0 and t[-1] == 1 and len(t) == len(i) for i, t in zip(ids, types))
    with torch.no_grad():
        want = m([(q, s) for s in sents]).float().numpy()
    assert np.abs(r.logits(q, sents) - want).max() < 0.05


def test_the_context_is_the_previous_sentence_of_the_same_paragraph(engine):
    index = engine.index
    rows = {s.text[:24]: k for k, s in enumerate(index.sentences)}
    members = rows["Members include sanction"]
    assert rerank.previous_in_paragraph(index, members).startswith("Another consortium, the Shanghai General")
    first_of_paragraph = rows["Huawei took centre stage"]
    assert rerank.previous_in_paragraph(index, first_of_paragraph) == ""
    # the story's first sentence follows the date line, which is metadata, not context
    story = next(k for k, s in enumerate(index.sentences) if s.kind == "text")
    assert rerank.previous_in_paragraph(index, story) == ""
    assert rerank.with_context("B.", "A.") == "B. [SEP] A." and rerank.with_context("B.", "") == "B."


def test_a_title_model_reads_the_sentence_after_its_documents_title(engine):
    index = engine.index
    story = next(k for k, s in enumerate(index.sentences) if s.kind == "text")
    title = index.by_id[index.sentences[story].doc].title
    assert title and rerank.context_of(index, story, "title") == title
    assert rerank.read_as("B.", title, "title") == f"{title}: B."
    assert rerank.read_as("B.", "A.", "previous") == "B. [SEP] A." and rerank.read_as("B.", "A.", "none") == "B."
    date_line = next(k for k, s in enumerate(index.sentences) if s.kind == "meta")
    assert rerank.context_of(index, date_line, "title") == ""  # spelt out on its own: no title in front


@pytest.mark.parametrize("context", ["previous", "title", "none"])
def test_the_engine_gives_a_context_model_its_contexts(engine, monkeypatch, context):
    reranker = rerank.get_reranker()
    calls = []
    real = rerank.Reranker.rescore
    monkeypatch.setattr(rerank.Reranker, "rescore", lambda self, *a: calls.append(a) or real(self, *a))
    monkeypatch.setattr(reranker, "skip_margin", float("inf"))
    monkeypatch.setattr(reranker, "context", context)
    engine.ask("Which companies are members of the Shanghai General Chamber of Commerce AI Committee?")
    (question, sentences, _, contexts), = calls
    assert len(contexts) == len(sentences) >= 2
    if context == "none":
        assert set(contexts) == {""}
    else:
        by_text = {s.text: k for k, s in enumerate(engine.index.sentences)}
        assert contexts == [rerank.context_of(engine.index, by_text[s], context) for s in sentences]
        assert any(contexts)
