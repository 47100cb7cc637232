"""What operators watch: Prometheus metrics (metrics.py) and OpenTelemetry traces (tracing.py) of the
gRPC server and the pipeline workers. Both are wired in by the server and worker; nothing here runs
at import time beyond declaring the metrics."""
