#!/usr/bin/env python3
"""Train the cross-encoder reranker (qa/rerank.py) on SQuAD 2.0; write qa/models/reranker.safetensors.

The same split as scripts/train_ranker.py: articles 0-19 to fit, 20-24 to choose the weight of
the reranker's logit against the ranker's and to report held-out figures; articles 25-34 and
SQuADShifts are never read. The candidates are the shipped ranker's top sentences per question,
so the reranker learns to fix exactly the ranker's mistakes; a fit question whose gold sentence
the ranker left out of its top `--train-k` gets it in place of the last one.

all-MiniLM-L6-v2 reads "[CLS] question [SEP] sentence [SEP]"; its weights stay frozen and every
linear layer learns a rank-16 update (LoRA), with a linear head on the mean-pooled states.
(Training the LayerNorms too, at a learning rate of 1e-3, diverged: held-out top-1 0.17.) Loss: softmax over each answerable question's candidates
(what cite@1 counts) plus binary cross-entropy on every pair, unanswerable questions included.

    python scripts/train_reranker.py      # about 32 minutes on 2 cores (transformers, bfloat16)
    python scripts/train_reranker.py --from-model qa/models/reranker.safetensors --k 2   # 5 minutes
    python scripts/train_reranker.py --context previous --out /tmp/ctx.safetensors   # the context experiment, 49 minutes
    python scripts/train_reranker.py --context title --out /tmp/title.safetensors   # each sentence after its title, 37 minutes
    python scripts/train_reranker.py --base e5 --out /tmp/e5.safetensors   # multilingual-e5-small as the network, 60 minutes
    python scripts/train_reranker.py --refit qa/models/reranker.safetensors --out FILE   # the final fit, ~40 minutes

`--refit FILE` is the last step of that protocol: once the held-out articles have chosen the
recipe and the engine's settings (k, weight, skip margin, calibration, all in FILE), a new network
is trained the same way on all 25 articles (20% more questions) and keeps FILE's settings.
"""
from __future__ import annotations

import argparse
import json
import logging
import math
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_ranker import PARAPHRASES, add_split_arguments, embed_questions, load_split, paraphrased  # noqa: E402

from qa.bert import fast_bf16  # noqa: E402
from qa.minilm import LAYERS, model_dir  # noqa: E402
from qa.question import parse  # noqa: E402
from qa.rank import load_models  # noqa: E402
from qa.rerank import CONTEXTS, MODEL_PATH, context_of, read_as, with_updates  # noqa: E402
from qa.retrieve import Retriever  # noqa: E402

log = logging.getLogger("train-reranker")
MAX_TOKENS = 160


def candidates(work: Path, squad: Path, n_art: int, keep: int, context: str,
               paraphrases: Path | None = None) -> list[dict]:
    """Per question: its search text, the ranker's top `keep` sentences with their logits, which
    of them hold a gold answer, answerability and article number. With `context` "previous",
    each sentence is followed by the one before it in its paragraph, as the engine will read it.
    With `paraphrases`, SQuAD questions reworded as people ask them join their articles' lists."""
    questions, article_of, golds, index = load_split(squad, work, n_art)
    if paraphrases is not None:
        questions += paraphrased(questions, golds, paraphrases)
    retriever = Retriever(index, load_models())
    parsed = [retriever.respell(parse(q["question"]), q["doc"]) for q in questions]  # as the engine reads them
    qvecs, e5vecs = embed_questions([p.dense_text(p.search) for p in parsed], work)
    out = []
    for q, p, a, b in zip(questions, parsed, qvecs, e5vecs):
        hits, _, logits = retriever.rank(p, a, doc=q["doc"], e5_qvec=b)
        starts = golds.get(q["id"], [])
        y = [any(h.sentence.start <= s < h.sentence.end for s in starts) for h in hits]
        texts = [read_as(h.sentence.text, context_of(index, h.features["row"], context), context) for h in hits]
        gold = next((t for t, g in zip(texts, y) if g), None)
        out.append({"q": p.search, "answerable": q["answerable"], "article": article_of[q["doc"]],
                    "sents": texts[:keep], "logits": logits[:keep].tolist(),
                    "y": y[:keep], "gold": gold, "reworded": q["id"].endswith("-para")})
    return out


def training_lists(items: list[dict], k: int, unanswerable_share: float, rng: random.Random) -> list[dict]:
    out = []
    for it in items:
        if not it["answerable"] and rng.random() > unanswerable_share:
            continue
        sents, y = list(it["sents"][:k]), list(it["y"][:k])
        if it["answerable"] and not any(y):
            if it["gold"] is None:
                continue
            sents[-1], y[-1] = it["gold"], True
        out.append({"q": it["q"], "sents": sents, "y": y, "answerable": it["answerable"]})
    return out


class CrossEncoder:
    """all-MiniLM-L6-v2 (transformers) with LoRA on every linear layer and a linear head."""

    LINEARS = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
               "o": "attention.output.dense", "i": "intermediate.dense", "f": "output.dense"}

    def __init__(self, rank: int, alpha: float) -> None:
        import torch
        from torch import nn
        from transformers import BertModel, BertTokenizerFast

        class LoRA(nn.Module):
            def __init__(self, base: nn.Linear) -> None:
                super().__init__()
                self.base = base
                self.A = nn.Parameter(torch.randn(rank, base.in_features) / math.sqrt(base.in_features))
                self.B = nn.Parameter(torch.zeros(base.out_features, rank))

            def forward(self, x):
                return self.base(x) + (x @ self.A.T @ self.B.T) * (alpha / rank)

        self.torch, self.rank, self.alpha = torch, rank, alpha
        self.tok = BertTokenizerFast.from_pretrained(str(model_dir()))
        self.bert = BertModel.from_pretrained(str(model_dir()), add_pooling_layer=False)
        for p in self.bert.parameters():
            p.requires_grad = False
        for layer in self.bert.encoder.layer:
            for path in self.LINEARS.values():
                parent, name = self._parent(layer, path)
                setattr(parent, name, LoRA(getattr(parent, name)))
        self.head = nn.Linear(self.bert.config.hidden_size, 1)
        self.lora = [p for p in self.bert.parameters() if p.requires_grad]

    @staticmethod
    def _parent(layer, path: str):
        *parents, name = path.split(".")
        for p in parents:
            layer = getattr(layer, p)
        return layer, name

    def __call__(self, pairs: list[tuple[str, str]]):
        torch = self.torch
        enc = self.tok([a for a, _ in pairs], [b for _, b in pairs], padding=True, truncation=True,
                       max_length=MAX_TOKENS, return_tensors="pt")
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=fast_bf16()):  # emulated (slow) without AVX-512 BF16
            h = self.bert(**enc).last_hidden_state
        m = enc["attention_mask"][..., None].float()
        return self.head((h.float() * m).sum(1) / m.sum(1)).squeeze(-1)

    def load(self, path: str | Path) -> dict:
        """Set the LoRA factors, segment table and head from a shipped file; its config back."""
        from safetensors import safe_open

        with safe_open(str(path), framework="pt") as fh:
            t = {name: fh.get_tensor(name).float() for name in fh.keys()}
            config = json.loads(fh.metadata()["config"])
        for i, layer in enumerate(self.bert.encoder.layer):
            for key, path_ in self.LINEARS.items():
                lora = getattr(*self._parent(layer, path_))
                lora.A.data, lora.B.data = t[f"{i}.{key}.A"], t[f"{i}.{key}.B"]
        self.bert.embeddings.token_type_embeddings.weight.data = t["type"]
        self.head.weight.data, self.head.bias.data = t["head.w"][None], t["head.b"].reshape(1)
        self.bert.eval()
        return config

    def tensors(self) -> dict:
        """What ships: the LoRA factors, the segment table and the head (float16)."""
        import torch

        out = {}
        for i, layer in enumerate(self.bert.encoder.layer):
            for key, path in self.LINEARS.items():
                parent, name = self._parent(layer, path)
                lora = getattr(parent, name)
                out[f"{i}.{key}.A"], out[f"{i}.{key}.B"] = lora.A, lora.B
        out["type"] = self.bert.embeddings.token_type_embeddings.weight
        out["head.w"], out["head.b"] = self.head.weight[0], self.head.bias
        return {k: v.detach().to(torch.float16).contiguous() for k, v in out.items()}


class E5CrossEncoder:
    """multilingual-e5-small (qa/e5.py's 4-bit weights, frozen) reading "<s> query: Q </s> passage:
    S </s>", with LoRA on every linear layer, a learned two-row segment table and a linear head:
    the shipped file has the layout of CrossEncoder's, with 12 layers."""

    KEYS = ("q", "k", "v", "o", "i", "f")

    def __init__(self, rank: int, alpha: float) -> None:
        import torch
        from torch import nn

        from qa.embed import get_embedder

        self.torch, self.rank, self.alpha = torch, rank, alpha
        self.e5 = get_embedder("e5")
        b = self.e5.bert
        self.base, H = list(b.blocks()), b.dim
        shapes = []
        for qkv_w, _, o_w, _, i_w, _, f_w, *_ in self.base:
            shapes.append({"q": (H, H), "k": (H, H), "v": (H, H), "o": tuple(o_w.shape),
                           "i": tuple(i_w.shape), "f": tuple(f_w.shape)})
        self.A = [{k: nn.Parameter(torch.randn(rank, sh[k][1]) / math.sqrt(sh[k][1])) for k in self.KEYS} for sh in shapes]
        self.B = [{k: nn.Parameter(torch.zeros(sh[k][0], rank)) for k in self.KEYS} for sh in shapes]
        self.type = nn.Parameter(b.typ.detach().clone().repeat(2, 1))
        self.head = nn.Linear(H, 1)
        self.lora = [p for layer in self.A + self.B for p in layer.values()] + [self.type]
        self.bert = self  # train()/eval() as the training loop calls them

    def train(self) -> None:
        pass

    def eval(self) -> None:
        pass

    def __call__(self, pairs: list[tuple[str, str]]):
        """The engine's forward pass (qa.bert on qa.rerank.with_updates), differentiable."""
        torch = self.torch
        enc = [self.e5.pair_ids(q, s, MAX_TOKENS) for q, s in pairs]
        scale = self.alpha / self.rank
        bert = with_updates(self.e5.bert, lambda i, m: scale * (self.B[i][m] @ self.A[i][m]), self.type,
                            store=torch.float32)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=fast_bf16()):
            pooled = bert.pooled([i for i, _ in enc], torch.float32, [t for _, t in enc])
        return self.head(pooled.float()).squeeze(-1)

    def load(self, path: str | Path) -> dict:
        from safetensors import safe_open

        with safe_open(str(path), framework="pt") as fh:
            t = {name: fh.get_tensor(name).float() for name in fh.keys()}
            config = json.loads(fh.metadata()["config"])
        for i in range(len(self.base)):
            for k in self.KEYS:
                self.A[i][k].data, self.B[i][k].data = t[f"{i}.{k}.A"], t[f"{i}.{k}.B"]
        self.type.data = t["type"]
        self.head.weight.data, self.head.bias.data = t["head.w"][None], t["head.b"].reshape(1)
        return config

    def tensors(self) -> dict:
        out = {}
        for i in range(len(self.base)):
            for k in self.KEYS:
                out[f"{i}.{k}.A"], out[f"{i}.{k}.B"] = self.A[i][k], self.B[i][k]
        out["type"] = self.type
        out["head.w"], out["head.b"] = self.head.weight[0], self.head.bias
        return {k: v.detach().to(self.torch.float16).contiguous() for k, v in out.items()}


def train(model: CrossEncoder, lists: list[dict], epochs: float, lr: float, per_step: int, rng: random.Random) -> None:
    torch = model.torch
    torch.set_num_threads(os.cpu_count() or 1)  # the candidates' question encodes left torch on one thread
    opt = torch.optim.AdamW([{"params": model.lora, "lr": lr}, {"params": list(model.head.parameters()), "lr": 1e-3}],
                            weight_decay=0.01)
    steps = max(1, int(len(lists) * epochs / per_step))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 50) * max(0.0, 1 - s / steps))
    bce = torch.nn.BCEWithLogitsLoss()
    order: list[int] = []
    while len(order) < steps * per_step:
        o = list(range(len(lists)))
        rng.shuffle(o)
        order += o
    model.bert.train()
    t0 = time.perf_counter()
    for step in range(steps):
        batch = [lists[i] for i in order[step * per_step:(step + 1) * per_step]]
        s = model([(t["q"], x) for t in batch for x in t["sents"]])
        y = torch.tensor([float(v) for t in batch for v in t["y"]])
        loss = bce(s, y)
        at = 0
        for t in batch:
            n = len(t["sents"])
            if t["answerable"]:  # -log P(a gold sentence first)
                g, yy = s[at:at + n], y[at:at + n]
                loss = loss + (torch.logsumexp(g, 0) - torch.logsumexp(g[yy > 0], 0)) / per_step
            at += n
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if step % 100 == 0 or step in (10, 30) or step == steps - 1:
            log.info("step %d/%d loss %.3f (%.0fs)", step + 1, steps, loss.item(), time.perf_counter() - t0)
    model.bert.eval()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_split_arguments(ap)
    ap.add_argument("--k", type=int, default=3, help="hits the engine re-reads per question")
    ap.add_argument("--train-k", type=int, default=6, help="candidates per fit question")
    ap.add_argument("--unanswerable-share", type=float, default=0.5, help="share of SQuAD 2.0's unanswerable fit questions used")
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--lr", type=float, default=3e-4, help="of the LoRA factors (the head: 1e-3)")
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--alpha", type=float, default=32.0)
    ap.add_argument("--questions-per-step", type=int, default=4)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--context", choices=CONTEXTS, default="none",
                    help="read each sentence alone, followed by the one before it in its paragraph "
                         "(held-out top-1 0.815 against 0.813, but 0.740 against 0.782 on its own: not shipped), "
                         "or after its document's title, as the dense channels embed it")
    ap.add_argument("--base", choices=("minilm", "e5"), default="minilm",
                    help="the network re-reading the pairs: all-MiniLM-L6-v2 (6 layers) or multilingual-e5-small (12)")
    ap.add_argument("--from-model", help="skip training: take the network from this file and only choose "
                    "the weight and calibration for --k again on the held-out articles")
    ap.add_argument("--refit", metavar="FILE", help="train on articles 0-24 (fit and held-out) with the recipe "
                    "and engine settings FILE was chosen with; no held-out figures")
    ap.add_argument("--max-tune", type=int, default=0, help="score only this many held-out questions (a smoke run)")
    ap.add_argument("--paraphrases", nargs="?", const=str(PARAPHRASES), default=None,
                    help="add SQuAD questions reworded as people ask them (scripts/data/squad2_paraphrases.jsonl) "
                    "to the fit and held-out lists; held-out top-1 is reported for each kind too")
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    n_art = args.fit_articles + args.tune_articles
    import torch
    from sklearn.linear_model import LogisticRegression

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    chosen = None  # with --refit: the settings the held-out articles chose
    if args.from_model or args.refit:  # the file says how its network reads sentences
        from safetensors import safe_open

        with safe_open(args.from_model or args.refit, framework="pt") as fh:
            config = json.loads(fh.metadata()["config"])
        chosen = config if args.refit else None
        args.context = config.get("context", "none")
        args.base = "e5" if "e5" in config.get("base", "") else "minilm"
    if chosen is not None:  # the recipe the held-out articles chose
        args.rank, args.alpha = chosen["lora_rank"], chosen["lora_alpha"]
        args.train_k, args.epochs, args.lr = (chosen["info"][key] for key in ("train_k", "epochs", "lr"))
    items = candidates(Path(args.work), Path(args.squad), n_art, max(args.k, args.train_k, 8), args.context,
                       Path(args.paraphrases) if args.paraphrases else None)
    if chosen is not None:  # every article trains; the settings come from the held-out run
        fit, tune = items, []
    else:
        fit = [it for it in items if it["article"] < args.fit_articles]
        tune = [it for it in items if it["article"] >= args.fit_articles][:args.max_tune or None]
    lists = training_lists(fit, args.train_k, args.unanswerable_share, rng)
    log.info("%d fit lists (%d answerable), %d held-out questions (%.0fs)", len(lists),
             sum(t["answerable"] for t in lists), len(tune), time.perf_counter() - t0)
    model = (E5CrossEncoder if args.base == "e5" else CrossEncoder)(args.rank, args.alpha)
    trained = {"fit_lists": len(lists), "epochs": args.epochs, "train_k": args.train_k, "lr": args.lr}
    if args.from_model:
        config = model.load(args.from_model)
        assert (config["lora_rank"], config["lora_alpha"]) == (args.rank, args.alpha), "--rank/--alpha differ from the file's"
        trained = {key: config["info"][key] for key in trained}
    else:
        train(model, lists, args.epochs, args.lr, args.questions_per_step, rng)
    log.info("trained (%.0fs)", time.perf_counter() - t0)
    if chosen is not None:  # no held-out articles left: keep the settings chosen on them
        info = chosen["info"]
        save(model, dict(chosen, info={**info, **trained, "trained_on": f"SQuAD 2.0 dev articles 0-{n_art - 1}",
                                       "settings_from": f"{Path(args.refit).name}: {info['trained_on']}, {info['weight_from']}"}),
             args.out)
        log.info("refit on %d lists -> %s (%.0fs)", len(lists), args.out, time.perf_counter() - t0)
        return 0

    # held-out: the reranker's logits for the ranker's top 8, then the weight of its logit
    with torch.no_grad():
        ce = [model([(it["q"], s) for s in it["sents"][:8]]).float().numpy() if it["sents"] else np.zeros(0)
              for it in tune]
    ans = [(it, s) for it, s in zip(tune, ce) if it["answerable"] and it["sents"]]

    def top1(k: int, weight: float) -> float:
        return float(np.mean([it["y"][int(np.argmax(np.array(it["logits"][:k]) + weight * s[:k]))] for it, s in ans]))

    ranker_top1 = float(np.mean([it["y"][0] for it, _ in ans]))
    table = {k: {w: round(top1(k, w), 4) for w in (0.25, 0.5, 1.0, 2.0, 4.0, 1000.0)} for k in (2, 3, 4, 6, 8)}
    for k, row in table.items():
        log.info("held-out top-1, top %d re-read: %s (ranker alone %.3f)", k,
                 ", ".join(f"w={w:g} {v:.3f}" for w, v in row.items()), ranker_top1)
    weight = max(table[args.k], key=lambda w: (table[args.k][w], -abs(math.log(w))))
    by_kind = {}
    for kind, pick in (("as SQuAD asked", False), ("reworded", True)):
        part = [(it, s) for it, s in ans if it.get("reworded", False) == pick]
        if part:
            by_kind[kind] = {"questions": len(part), "ranker": round(float(np.mean([it["y"][0] for it, _ in part])), 4),
                             "reranked": round(float(np.mean([it["y"][int(np.argmax(np.array(it["logits"][:args.k]) + weight * s[:args.k]))]
                                                              for it, s in part])), 4)}
            log.info("held-out %s (%d): ranker %.3f, re-read %.3f", kind, len(part), by_kind[kind]["ranker"], by_kind[kind]["reranked"])

    # when the ranker's first sentence leads its second by a wide margin, re-reading rarely
    # changes the first citation: skip it there (the smallest margin costing <= 0.002 held-out)
    def top1_skipping(margin: float) -> float:
        return float(np.mean([it["y"][0] if len(it["logits"]) > 1 and it["logits"][0] - it["logits"][1] > margin
                              else it["y"][int(np.argmax(np.array(it["logits"][:args.k]) + weight * s[:args.k]))]
                              for it, s in ans]))

    def skipped(margin: float) -> float:
        return float(np.mean([len(it["logits"]) > 1 and it["logits"][0] - it["logits"][1] > margin for it in tune]))

    margins = {m: (round(top1_skipping(m), 4), round(skipped(m), 3)) for m in (0.5, 1.0, 1.5, 2.0, 3.0, 4.0)}
    for m, (t1, sk) in margins.items():
        log.info("skip re-reading when the ranker leads by > %.1f: held-out top-1 %.3f, questions skipped %.3f", m, t1, sk)
    skip_margin = min((m for m, (t1, _) in margins.items() if t1 >= table[args.k][weight] - 0.002), default=1e9)
    # probabilities for the citation logic: a 1-D logistic fit of the combined logit on held-out pairs
    X = np.concatenate([np.array(it["logits"][:args.k]) + weight * s[:args.k] for it, s in zip(tune, ce)])
    y = np.concatenate([np.array(it["y"][:args.k]) for it in tune])
    cal = LogisticRegression(C=100.0, max_iter=1000).fit(X[:, None], y.astype(int))
    info = {"trained_on": f"SQuAD 2.0 dev articles 0-{args.fit_articles - 1}",
            "weight_from": f"articles {args.fit_articles}-{n_art - 1}",
            "held_out_ranker_top1": round(ranker_top1, 4), "held_out_top1": table[args.k][weight],
            "held_out_table": {str(k): {f"{w:g}": v for w, v in row.items()} for k, row in table.items()},
            "skip_margins": {f"{m:g}": {"top1": t1, "skipped": sk} for m, (t1, sk) in margins.items()},
            **({"held_out_by_kind": by_kind, "paraphrases": Path(args.paraphrases).name} if args.paraphrases else {}),
            **trained}
    config = {"base": "intfloat/multilingual-e5-small" if args.base == "e5" else "sentence-transformers/all-MiniLM-L6-v2",
              "lora_rank": args.rank, "lora_alpha": args.alpha, "layers": len(model.base) if args.base == "e5" else LAYERS, "context": args.context, "k": args.k, "weight": weight, "skip_margin": skip_margin, "scale": float(cal.coef_[0, 0]),
              "bias": float(cal.intercept_[0]), "info": info}
    save(model, config, args.out)
    log.info("held-out top-1 %.3f (ranker %.3f), k=%d weight=%g -> %s (%.0fs)", table[args.k][weight],
             ranker_top1, args.k, weight, args.out, time.perf_counter() - t0)
    return 0


def save(model, config: dict, out: str) -> None:
    from safetensors.torch import save_file

    Path(out).parent.mkdir(parents=True, exist_ok=True)
    save_file(model.tensors(), out, metadata={"config": json.dumps(config)})


if __name__ == "__main__":
    sys.exit(main())
