"""Screenshots of the dashboard's pages for the docs: docs/dashboard-{queue,job,schedule,registry}.png (1280x900).

Starts the same daemon as the browser tests (tests/ui/dashboard_env.py; a somewhat larger search, so the plots
have something to show), opens each page in headless Chromium as root, waits for its content and captures it.
Run as root from the repository root after `make build`:

    python3 tests/ui/screenshots.py [OUTPUT_DIR]   # default docs/
"""
import pathlib
import sys

import cdp
import dashboard_env

PAGES = {
    "queue": ("/ui/", "#jobs tr[data-job-id]"),
    "job": ("/ui/jobs/{search}", "#front-plot circle.front-point"),
    "schedule": ("/ui/schedules/{digest}?job={search}", "#schedule-heatmap *"),
    "registry": ("/ui/registry", "#registry tr[data-digest]"),
}


def main() -> int:
    output = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else dashboard_env.ROOT / "docs")
    executable = cdp.find_chromium()
    if not executable:
        sys.exit("screenshots: chromium is not installed (scripts/setup.sh installs it)")
    environment = dashboard_env.Dashboard(search={"population": 8, "budgets": {"generations": 3}})
    browser = None
    try:
        environment.start()
        search = environment.jobs["search"]
        digest = environment.api("GET", f"/v1/jobs/{search}/front")[1]["members"][0]["scheduleDigest"]
        browser = cdp.Browser(executable)
        page = browser.new_page()
        page.open(environment.root_url)
        base = environment.root_url.split("/ui/")[0]
        for name, (path, ready) in PAGES.items():
            page.clear_events()
            page.open(base + path.format(search=search, digest=digest))
            page.wait_for(f"document.querySelector('{ready}') !== null", f"the {name} page's content")
            if errors := page.errors():
                sys.exit(f"screenshots: the {name} page logged errors: {errors}")
            target = output / f"dashboard-{name}.png"
            page.screenshot(str(target))
            print(f"screenshots: wrote {target}")
    finally:
        if browser:
            browser.close()
        environment.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
