"""The dashboard in a real browser: every page loads without a console error, the front plot shows the front,
a cancel from the page cancels the job, and nothing the API refuses can be done through the pages."""
import http.client
import urllib.parse

import pytest

from dashboard_env import NOBODY, poll


def base(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def load(page, url: str, kind: str):
    """Opens `url`, checks it is the `kind` page and logged no error; returns nothing (the page stays open)."""
    page.clear_events()
    page.open(url)
    assert page.evaluate("document.querySelector('main#page')?.dataset.page") == kind, page.evaluate(
        "document.body.innerText.slice(0, 300)")
    assert page.evaluate("document.getElementById('notice') !== null")


def assert_no_errors(page):
    assert page.errors() == []


def test_queue_page_lists_every_job(root_page, dashboard):
    load(root_page, base(dashboard.root_url) + "/ui/", "queue")
    jobs = [dashboard.job(job_id) for job_id in dashboard.jobs.values()]
    rows = root_page.wait_for(
        f"(r => r.length >= {len(jobs)} && r)([...document.querySelectorAll('#jobs tr[data-job-id]')]"
        ".map(row => [Number(row.dataset.jobId), row.dataset.state]))", "a row per job")
    assert sorted(rows) == sorted([job["id"], job["state"]] for job in jobs)
    assert_no_errors(root_page)


def test_search_job_page_plots_the_front(root_page, dashboard):
    search = dashboard.jobs["search"]
    front = dashboard.api("GET", f"/v1/jobs/{search}/front")[1]["members"]
    assert front, "the finished search has a front"
    load(root_page, base(dashboard.root_url) + f"/ui/jobs/{search}", "job")
    assert root_page.evaluate("document.getElementById('job-state').textContent").strip().upper() == "COMPLETED"
    points = root_page.wait_for(
        f"(p => p.length === {len(front)} && p)([...document.querySelectorAll('#front-plot circle.front-point')]"
        ".map(c => [c.dataset.digest, c.closest('a')?.getAttribute('href')]))", "one point per front member")
    digests = sorted(member["scheduleDigest"] for member in front)
    assert sorted(digest for digest, _ in points) == digests
    assert sorted(points) == sorted([d, f"/ui/schedules/{d}?job={search}"] for d in digests)
    assert root_page.evaluate("document.querySelector('svg#progress-plot') !== null")
    assert root_page.evaluate("document.querySelector('ol#events') !== null")
    assert root_page.evaluate("document.querySelector('pre#log') !== null"), "the owner sees the log"
    assert_no_errors(root_page)


def test_schedule_page_from_the_front(root_page, dashboard):
    search = dashboard.jobs["search"]
    digest = dashboard.api("GET", f"/v1/jobs/{search}/front")[1]["members"][0]["scheduleDigest"]
    load(root_page, base(dashboard.root_url) + f"/ui/schedules/{digest}?job={search}", "schedule")
    root_page.wait_for("document.querySelector('svg#schedule-heatmap *') !== null", "the heat map")
    for link in ("download-ecad", "download-reference"):
        assert root_page.evaluate(f"document.getElementById('{link}')?.getAttribute('href')"), link
    assert_no_errors(root_page)


def test_registry_page_lists_the_published_schedules(root_page, dashboard):
    load(root_page, base(dashboard.root_url) + "/ui/registry", "registry")
    names = root_page.wait_for(
        "(n => n.length && n)([...document.querySelectorAll('#registry tr[data-digest]')].map(r => r.dataset.name))",
        "registry rows")
    assert "shapes32/ui-demo" in names
    assert_no_errors(root_page)


def test_cancel_from_the_page(root_page, dashboard):
    job = dashboard.jobs["cancel_me"]
    assert dashboard.job(job)["state"] == "HELD"
    load(root_page, base(dashboard.root_url) + "/ui/", "queue")
    button = f"button[data-action=cancel][data-job-id='{job}']"
    root_page.wait_for(f"document.querySelector(\"{button}\") !== null", "the cancel button")
    root_page.evaluate(f"document.querySelector(\"{button}\").click()")  # confirm() is accepted by the driver
    poll(f"job {job} to be cancelled", lambda: True if dashboard.job(job)["state"] == "CANCELLED" else None, 20)
    root_page.wait_for(f"document.querySelector(\"#jobs tr[data-job-id='{job}']\")?.dataset.state === 'CANCELLED'",
                       "the reloaded queue to show it cancelled")
    assert_no_errors(root_page)


def request(url: str, path: str, headers: dict[str, str]) -> tuple[int, str]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.read().decode()
    finally:
        connection.close()


def test_requests_without_the_token_are_refused(root_page, dashboard):
    netloc = urllib.parse.urlsplit(dashboard.root_url).netloc
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(dashboard.root_url).query)["token"][0]
    port = urllib.parse.urlsplit(dashboard.root_url).port
    cookie = {"Cookie": f"ecad_ui_{port}={token}"}
    assert request(dashboard.root_url, "/v1/jobs", {"Host": netloc, **cookie})[0] == 200
    status, body = request(dashboard.root_url, "/ui/", {"Host": netloc})
    assert status == 403 and "missing or wrong token" in body
    assert request(dashboard.root_url, "/v1/jobs", {"Host": netloc})[0] == 403
    assert request(dashboard.root_url, "/ui/?token=" + "0" * 64, {"Host": netloc})[0] == 403
    assert request(dashboard.root_url, "/ui/", {"Host": f"ecad.example:{port}", **cookie})[0] == 403
    assert request(dashboard.root_url, "/ui/?token=" + token, {"Host": netloc})[0] == 303
    # A fresh tab without the cookie sees the refusal too.
    page = root_page.browser.new_page(isolated=True)
    page.open(base(dashboard.root_url) + "/ui/")
    assert "missing or wrong token" in page.evaluate("document.body.innerText")


def test_another_users_job_cannot_be_cancelled_from_the_page(nobody_page, dashboard):
    roots, own = dashboard.jobs["root_held"], dashboard.jobs["nobody_held"]
    load(nobody_page, base(dashboard.nobody_url) + "/ui/", "queue")
    nobody_page.wait_for(f"document.querySelector(\"#jobs tr[data-job-id='{roots}']\") !== null", "root's job row")
    nobody_page.wait_for(f"document.querySelector(\"button[data-action=cancel][data-job-id='{own}']\") !== null",
                         "a cancel button on nobody's own job")
    assert nobody_page.evaluate(f"document.querySelectorAll(\"button[data-job-id='{roots}']\").length") == 0
    assert_no_errors(nobody_page)
    status = nobody_page.evaluate(
        f"fetch('/v1/jobs/{roots}/cancel', {{method: 'POST', headers: {{'Content-Type': 'application/json'}},"
        " body: '{}'}).then(r => r.status)", await_promise=True)
    assert status == 403
    assert dashboard.job(roots)["state"] == "HELD"
    assert dashboard.job(own)["ownerUID"] == NOBODY
