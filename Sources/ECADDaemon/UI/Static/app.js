// ecad dashboard: job actions through the /v1 API and live refresh of a job page.
// Served by ecadd at /ui/static/app.js; no dependencies, no build step.
"use strict";

(function () {
    const notice = document.getElementById("notice");
    const main = document.getElementById("page");
    const active = new Set(["PENDING", "RUNNING", "HELD"]);

    // Shows a message in #notice (never on the console: a refusal is an answer, not a page error).
    function show(message) {
        if (!notice) return;
        notice.textContent = message;
        notice.classList.add("shown");
    }

    // The API's error message from a failed answer, else its status line.
    async function errorMessage(response) {
        try {
            const body = await response.json();
            if (body && body.error && body.error.message) return body.error.message;
        } catch (ignored) {
            // Not JSON: fall back to the status.
        }
        return response.status + " " + response.statusText;
    }

    async function act(button) {
        const action = button.dataset.action;
        const id = button.dataset.jobId;
        const verb = action.charAt(0).toUpperCase() + action.slice(1);
        if (!window.confirm(verb + " job " + id + "?")) return;
        button.disabled = true;
        try {
            const response = await fetch("/v1/jobs/" + encodeURIComponent(id) + "/" + action, { method: "POST" });
            if (response.ok) {
                window.location.reload();
                return;
            }
            show(verb + " job " + id + " refused: " + (await errorMessage(response)));
        } catch (failure) {
            show(verb + " job " + id + " failed: " + failure.message);
        }
        button.disabled = false;
    }

    document.addEventListener("click", function (event) {
        const button = event.target.closest("button[data-action]");
        if (button) act(button);
    });

    // A job page polls its job every 2 s while it may still change; a new state or generation reloads the
    // page (plots and tails are rendered by the server), other figures are updated in place.
    function watch() {
        if (!main || main.dataset.page !== "job" || !active.has(main.dataset.state)) return;
        const id = main.dataset.jobId;
        const timer = window.setInterval(async function () {
            try {
                const response = await fetch("/v1/jobs/" + encodeURIComponent(id));
                if (!response.ok) return;
                const job = await response.json();
                const progress = job.progress || {};
                const state = document.getElementById("job-state");
                if (state) state.textContent = job.state;
                for (const field of document.querySelectorAll("[data-progress]")) {
                    const value = progress[field.dataset.progress];
                    if (value !== undefined && value !== null) field.textContent = String(value);
                }
                const generation = String(progress.generation === undefined ? "" : progress.generation);
                if (job.state !== main.dataset.state || generation !== (main.dataset.generation || "")) {
                    window.clearInterval(timer);
                    window.location.reload();
                }
            } catch (failure) {
                show("Live update paused: " + failure.message);
            }
        }, 2000);
    }

    watch();
})();
