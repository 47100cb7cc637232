# One image for every process of the service; the command picks the role:
#   resume-parser serve     the gRPC server (port 50051)
#   resume-parser worker    an arq pipeline worker (run as many as needed)
#   resume-parser migrate   apply the database migrations, then exit
#
#   docker build -t resume-parser .
#   docker run --rm --env-file .env resume-parser migrate
#   docker run --env-file .env -p 50051:50051 resume-parser serve
#
# Configuration is environment variables only (see resume_parser/settings.py and the README):
# DB_URL, REDIS_URL, AWS_*, GEMINI_API_KEY, EXTRACT_BACKEND, NORMALIZE_BACKEND, EMBED_BACKEND, ...

FROM python:3.11-slim-bookworm AS build
# A CPU-only PyTorch wheel index. Without one pip takes torch from PyPI, whose Linux wheels pull
# several GB of CUDA libraries that a CPU-only service never uses.
ARG TORCH_INDEX_URL=""
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
RUN if [ -n "$TORCH_INDEX_URL" ]; then pip install --index-url "$TORCH_INDEX_URL" torch==2.13.0; fi
WORKDIR /src
COPY pyproject.toml README.md ./
COPY resume_parser resume_parser
COPY generated generated
COPY migrations migrations
# local-embed: the offline embedding model, so EMBED_BACKEND=local works with no outside service.
RUN pip install ".[local-embed]"
# Export the embedding model to ONNX once, here, instead of in every container on its first start.
ENV EMBED_MODEL_CACHE_DIR=/opt/models
RUN python -c "from pathlib import Path; from resume_parser.embedding.local import LocalEmbedder; \
LocalEmbedder.load(cache_dir=Path('/opt/models'))"

FROM python:3.11-slim-bookworm
# OpenCV (OCR) needs GLib; onnxruntime and torch need OpenMP. DOC, RTF and ODT are converted by
# LibreOffice Writer, driven through the UNO bindings of Debian's /usr/bin/python3 (python3-uno);
# setpriv, which ties LibreOffice's life to its parser process, is in the base image (util-linux).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libglib2.0-0 libgomp1 libreoffice-writer-nogui python3-uno \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --create-home --home-dir /home/app app
COPY --from=build /opt/venv /opt/venv
COPY --from=build /opt/models /opt/models
ENV PATH=/opt/venv/bin:$PATH \
    EMBED_MODEL_CACHE_DIR=/opt/models \
    PYTHONUNBUFFERED=1 \
    GRPC_HOST=0.0.0.0 \
    GRPC_PORT=50051 \
    METRICS_HOST=0.0.0.0
USER app
WORKDIR /home/app
# gRPC, and Prometheus /metrics when METRICS_PORT=9100 is set.
EXPOSE 50051 9100
# SIGTERM drains the server's in-flight RPCs and lets a worker finish or hand back its job.
STOPSIGNAL SIGTERM
ENTRYPOINT ["resume-parser"]
CMD ["serve"]
