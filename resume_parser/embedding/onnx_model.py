"""all-MiniLM-L6-v2 run by ONNX Runtime: the same vectors as sentence-transformers, twice as fast.

A search request waits for its query vector, so the encoder's latency is the search's: one short
query took 15-16 ms in torch and 5.8 ms in ONNX Runtime on this project's 2-CPU machines, with
cosine similarity 1.0000 between the two (tests/embedding/test_onnx_model.py checks it on the dev
corpus). The ONNX graph is exported once per machine from the bundled weights, with torch, into a
cache directory; after that torch is never imported, which also spares each process its memory.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from resume_parser.errors import ConfigurationError

MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


class OnnxEncoder:
    """Tokenizer + ONNX session + mean pooling + L2 normalization, as the sentence-transformers
    pipeline of this model (modules.json: Transformer, mean Pooling, Normalize)."""

    def __init__(self, model_dir: Path, onnx_file: Path, *, threads: int = 1):
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            raise ConfigurationError("the local embedder needs onnxruntime and tokenizers") from error
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        # The file's own settings pad every text to 128 tokens and cut at 128: use the model's.
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        try:
            self._session = onnxruntime.InferenceSession(
                str(onnx_file), options, providers=["CPUExecutionProvider"]
            )
        except Exception as error:  # onnxruntime raises its own unexported exception types
            raise ConfigurationError(
                f"cannot load the exported embedding model {onnx_file}: delete it to export it again"
            ) from error

    def encode(self, texts: list[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
        encodings = self._tokenizer.encode_batch(texts)
        feeds = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        (hidden,) = self._session.run(["last_hidden_state"], feeds)
        mask = feeds["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        vectors: np.ndarray[Any, np.dtype[np.float32]] = pooled / np.clip(norms, 1e-12, None)
        return vectors


def onnx_file_for(model_dir: Path, cache_dir: Path) -> Path:
    """The exported graph for these weights in the cache, exporting it first if it is missing.
    Named by the weights' digest, so new weights never meet an old graph."""
    digest = hashlib.sha256((model_dir / "model.safetensors").read_bytes()).hexdigest()[:16]
    target = cache_dir / f"all-MiniLM-L6-v2-{digest}.onnx"
    if not target.is_file():
        _export(model_dir, target)
    return target


def _export(model_dir: Path, target: Path) -> None:
    # Set before transformers is imported: a missing file then fails loudly instead of reaching
    # for a model hub.
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:
        import torch
        from transformers import AutoModel
        from transformers.utils import logging as transformers_logging
    except ImportError as error:
        raise ConfigurationError(
            "exporting the local embedding model needs torch, transformers and onnx (the local-embed "
            "extra); or copy an exported .onnx file into EMBED_MODEL_CACHE_DIR"
        ) from error

    class LastHiddenState(torch.nn.Module):
        def __init__(self, model: Any):
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            output = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return output.last_hidden_state

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # no bars in service logs
    model = LastHiddenState(AutoModel.from_pretrained(str(model_dir), local_files_only=True)).eval()
    example = tuple(torch.ones((1, 8), dtype=torch.int64) for _ in _INPUTS)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")}
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed: several workers starting at once never read half a file.
    handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".partial")
    os.close(handle)
    try:
        with warnings.catch_warnings():
            # torch 2.13 (pinned) deprecates this TorchScript exporter (its successor needs the
            # onnxscript package) and warns about tracing in general terms. What matters is
            # checked instead: the graph's vectors equal sentence-transformers' (cosine 1.0000,
            # tests/embedding/test_onnx_model.py).
            warnings.simplefilter("ignore")
            torch.onnx.export(
                model,
                example,
                partial,
                input_names=list(_INPUTS),
                output_names=["last_hidden_state"],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,
            )
        os.replace(partial, target)
    finally:
        Path(partial).unlink(missing_ok=True)
