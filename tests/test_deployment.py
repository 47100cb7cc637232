"""The Dockerfile and docker-compose.yml cannot run on these machines, but they must agree with the
code: every variable they set is a setting, every command is a CLI command."""

from __future__ import annotations

import re

import pytest
import yaml  # type: ignore[import-untyped]  # PyYAML comes with rapidocr

from resume_parser.cli import build_parser
from resume_parser.settings import Settings
from tests.conftest import ROOT

APP_SERVICES = ("migrate", "serve", "worker")
DOCUMENTED = {
    "DB_URL",
    "REDIS_URL",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_DEFAULT_REGION",
    "AWS_S3_BUCKET_NAME",
    "AWS_ENDPOINT_URL_S3",
    "GEMINI_API_KEY",
    "EXTRACT_BACKEND",
    "NORMALIZE_BACKEND",
    "EMBED_BACKEND",
}
SETTINGS = {name.upper() for name in Settings.model_fields}


@pytest.fixture(scope="module")
def compose() -> dict[str, dict[str, object]]:
    services: dict[str, dict[str, object]] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())[
        "services"
    ]
    return services


def cli_commands() -> set[str]:
    action = next(a for a in build_parser()._actions if a.dest == "command")
    assert isinstance(action.choices, dict)
    return set(action.choices)


def test_compose_runs_each_role_with_a_cli_command(compose: dict[str, dict[str, object]]) -> None:
    for service in APP_SERVICES:
        command = compose[service]["command"]
        assert isinstance(command, list) and command[0] in cli_commands()
        assert command == [service]


def test_compose_sets_only_real_settings_and_every_documented_one(
    compose: dict[str, dict[str, object]],
) -> None:
    for service in APP_SERVICES:
        environment = compose[service]["environment"]
        assert isinstance(environment, dict)
        assert set(environment) <= SETTINGS, set(environment) - SETTINGS
        assert set(environment) >= DOCUMENTED


def test_compose_serves_grpc_on_the_default_port(compose: dict[str, dict[str, object]]) -> None:
    port = Settings.model_fields["grpc_port"].default
    assert f"{port}:{port}" in compose["serve"]["ports"]  # type: ignore[operator]


def test_dockerfile_sets_real_settings_and_runs_the_cli() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    assignments = {
        name
        for line in dockerfile.splitlines()
        if line.startswith("ENV ")
        for name in re.findall(r"([A-Z_]+)=", line)
    }
    ours = assignments - {"PATH", "PYTHONUNBUFFERED", "PIP_NO_CACHE_DIR", "PIP_DISABLE_PIP_VERSION_CHECK"}
    assert ours == {"GRPC_HOST", "GRPC_PORT", "METRICS_HOST", "EMBED_MODEL_CACHE_DIR"}
    assert ours <= SETTINGS
    assert 'ENTRYPOINT ["resume-parser"]' in dockerfile
    assert 'CMD ["serve"]' in dockerfile
    assert f"EXPOSE {Settings.model_fields['grpc_port'].default}" in dockerfile


def test_the_image_installs_the_debian_packages_that_make_install_does() -> None:
    script = (ROOT / "scripts" / "install-libreoffice.sh").read_text()
    packages = re.search(r"^PACKAGES=\(([^)]*)\)", script, re.MULTILINE)
    assert packages is not None
    dockerfile = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    installs = " ".join(line for line in dockerfile.splitlines() if "apt-get install" in line).split()
    assert set(packages.group(1).split()) <= set(installs)
