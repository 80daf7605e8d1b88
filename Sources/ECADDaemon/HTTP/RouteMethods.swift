import ECADAPI
import HTTPTypes
import Hummingbird

/// The methods each API path answers, so that a known path asked with another method (`TRACE /v1/health`) gets
/// `405 Method Not Allowed` with an `Allow` header (RFC 9110 section 15.5.6) instead of the `404` of an unknown
/// path.
struct RouteMethods: Sendable {
    private let routes: [(path: RouterPath, methods: Set<HTTPRequest.Method>)]

    /// Groups a router's routes by path.
    init(_ routes: [Router<DaemonRequestContext>.RouteDescription]) {
        var byPath: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
        for route in routes {
            byPath[route.path.description, default: (route.path, [])].methods.insert(route.method)
        }
        self.routes = Array(byPath.values)
    }

    /// The methods answered on `path` (sorted by name); empty when no route matches it.
    func methods(on path: String) -> [HTTPRequest.Method] {
        let components = path.split(separator: "/")
        let matching = routes.filter { route in
            route.path.components.count == components.count
                && zip(route.path.components, components).allSatisfy { element, component in element ~= component }
        }
        return Set(matching.flatMap(\.methods)).sorted { $0.rawValue < $1.rawValue }
    }

    /// The response to a request that matched no route: the dashboard's HTML 404 page under `/ui/`, else the
    /// JSON ``failure(for:)``.
    func response(to request: Request, context: DaemonRequestContext) throws -> Response {
        let path = request.uri.path
        if path == "/ui" || path.hasPrefix("/ui/"), methods(on: path).isEmpty {
            return UIRoutes.notFound("There is no dashboard page at \(path.prefix(200)).")
        }
        return try failure(for: request).response(from: request, context: context)
    }

    /// The answer to a request that matched no route: 405 with `Allow` when its path answers other methods,
    /// else 404.
    func failure(for request: Request) -> APIFailure {
        let allowed = methods(on: request.uri.path)
        guard !allowed.isEmpty else {
            return APIFailure.notFound("no such endpoint: \(request.method) \(request.uri.path.prefix(200))")
        }
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        var failure = APIFailure(
            .methodNotAllowed, ErrorBody.methodNotAllowed,
            "\(request.method.rawValue.prefix(32)) is not allowed on \(request.uri.path.prefix(200)); allowed: \(list)")
        failure.headers[.allow] = list
        return failure
    }
}
