import HTTPTypes
import Hummingbird
import NIOCore

/// A dashboard page: the shared layout (nav, `#notice`, `<main id="page" data-page=...>`) around a page's body,
/// sent with the dashboard's Content-Security-Policy. Pages carry no inline script or style: data for `app.js`
/// travels in `data-` attributes.
struct UIPage {
    /// `data-page` of the main element: `queue`, `job`, `schedule`, `registry` or `error`.
    var kind: String
    /// The page title (plain text; escaped here).
    var title: String
    /// The body's HTML (already escaped by the page).
    var body: String
    /// Extra `data-` attributes of the main element, by name without the `data-` prefix (values escaped here).
    var data: [(String, String)] = []
    /// The HTTP status.
    var status: HTTPResponse.Status = .ok

    /// The policy every dashboard answer carries: only the daemon's own scripts, styles and images (and `data:`
    /// images), and requests only to the daemon.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'"

    /// The page as an HTML response.
    func response() -> Response {
        let attributes = data.map { " data-\($0.0)=\"\(HTML.escape($0.1))\"" }.joined()
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · ecad</title>
            <link rel="stylesheet" href="/ui/static/style.css">
            <script src="/ui/static/app.js" defer></script>
            </head>
            <body>
            <nav id="nav"><span class="brand">ecad</span> <a href="/ui/">Queue</a> <a href="/ui/registry">Registry</a></nav>
            <div id="notice" role="status"></div>
            <main id="page" data-page="\(HTML.escape(kind))"\(attributes)>
            <h1>\(HTML.escape(title))</h1>
            \(body)
            </main>
            </body>
            </html>

            """
        return Self.response(status: status, contentType: "text/html; charset=utf-8", bytes: Array(html.utf8))
    }

    /// A 404 (or other error) page with `message` (plain text).
    static func error(_ status: HTTPResponse.Status, title: String, message: String) -> Response {
        UIPage(kind: "error", title: title, body: "<p class=\"error-message\">\(HTML.escape(message))</p>", status: status)
            .response()
    }

    /// A response with the dashboard's security headers; `extra` adds headers or replaces these.
    static func response(
        status: HTTPResponse.Status, contentType: String, bytes: [UInt8], extra: HTTPFields = [:]
    ) -> Response {
        var headers: HTTPFields = [
            .contentType: contentType,
            .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .cacheControl: "no-store",
        ]
        for field in extra { headers[field.name] = field.value }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
