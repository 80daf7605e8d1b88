import Hummingbird

/// `GET /ui/static/app.js` and `/ui/static/style.css`: the dashboard's one script and one style sheet, embedded
/// in the binary at build time (`Package.swift` resources), so the pages need no network and no build step.
enum UIStaticFiles {
    /// The file at `name` with its media type, or nil for an unknown name.
    static func file(named name: String) -> (contentType: String, bytes: [UInt8])? {
        switch name {
        case "app.js": ("text/javascript; charset=utf-8", PackageResources.app_js)
        case "style.css": ("text/css; charset=utf-8", PackageResources.style_css)
        default: nil
        }
    }
}
