"""Fixtures of the dashboard's browser tests: headless Chromium (tests/ui/cdp.py) and a real ecadd with a finished
search, jobs to act on and `ecad ui` for root and for nobody (tests/ui/dashboard_env.py), started once per run.

Without Chromium (Debian package `chromium`, installed by scripts/setup.sh) or the built binaries the tests are
skipped with the reason; under CI (CI=true) they fail instead, so CI never passes without running them.
"""
import os

import pytest

import cdp
import dashboard_env


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the dashboard tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def dashboard():
    missing = [tool for tool in ("ecadd", "ecad", "ecad-worker") if not (dashboard_env.BIN / tool).exists()]
    if missing:
        _unavailable(f"not built in {dashboard_env.BIN}: {', '.join(missing)} (make build, or set ECAD_BIN_DIR)")
    if os.getuid() != 0:
        _unavailable("the dashboard tests need root (a second user, nobody, runs its own ecad ui)")
    environment = dashboard_env.Dashboard()
    try:
        yield environment.start()
    finally:
        environment.stop()


@pytest.fixture(scope="session")
def browser():
    executable = cdp.find_chromium()
    if not executable:
        _unavailable("chromium is not installed (apt-get install chromium; scripts/setup.sh does)")
    instance = cdp.Browser(executable)
    try:
        yield instance
    finally:
        instance.close()


@pytest.fixture(scope="session")
def root_page(browser, dashboard):
    """A tab logged in to root's `ecad ui` (the token URL once, then its cookie)."""
    page = browser.new_page()
    page.open(dashboard.root_url)
    return page


@pytest.fixture(scope="session")
def nobody_page(browser, dashboard):
    """A tab with its own cookie jar, logged in to nobody's `ecad ui`."""
    page = browser.new_page(isolated=True)
    page.open(dashboard.nobody_url)
    return page
